import { Types } from 'mongoose';

import type { SurveyDefinitionInput } from '@pulse/shared/schemas/survey-definition';

import { invitationTokenHash, invitationToken } from '../../server/src/modules/invitations/invitation-token';
import { SurveyInvitationModel } from '../../server/src/modules/invitations/invitation.model';
import { buildContact, buildTouchpoint } from './distribution';
import { buildSurvey, type BuiltSurvey } from './surveys';

/**
 * A sent survey invitation, as the sending job leaves it, with its survey, touchpoint and
 * contact: written straight to the database. Returns the personal link's token.
 */
export async function buildInvitation(opts: {
  org: string;
  secretKey: string;
  survey?: BuiltSurvey;
  definition?: SurveyDefinitionInput;
  language?: string | null;
  attributes?: Record<string, string | number | boolean>;
  expiresAt?: Date | null;
  touchpoint?: { id: string; key: string };
  contact?: { id: string; email: string | null };
}) {
  const survey = opts.survey ?? (await buildSurvey({ org: opts.org, definition: opts.definition }));
  const touchpoint = opts.touchpoint ?? (await buildTouchpoint({ org: opts.org, rules: { surveyId: survey.id } }));
  const contact =
    opts.contact ?? (await buildContact({ org: opts.org, attributes: opts.attributes ?? { plan: 'pro' } }));
  const _id = new Types.ObjectId();
  await SurveyInvitationModel.create({
    _id,
    organisationId: opts.org,
    touchpointId: touchpoint.id,
    touchpointKey: touchpoint.key,
    surveyId: survey.id,
    surveyVersion: survey.version,
    contactId: contact.id,
    channel: 'email',
    state: 'sent',
    to: contact.email,
    language: opts.language ?? null,
    tokenHash: invitationTokenHash(_id, opts.secretKey),
    expiresAt: opts.expiresAt === undefined ? new Date(Date.now() + 30 * 86_400_000) : opts.expiresAt,
    sentAt: new Date(),
  });
  return { id: String(_id), token: invitationToken(_id, opts.secretKey), survey, touchpoint, contact };
}
