import { randomUUID } from 'node:crypto';

import { DistributionRules, type DistributionRules as Rules } from '@pulse/shared/schemas/touchpoints';

import { ContactModel, placeholderKey } from '../../server/src/modules/contacts/contact.model';
import { TouchpointModel } from '../../server/src/modules/touchpoints/touchpoint.model';
import { Types } from 'mongoose';

const unique = () => randomUUID().slice(0, 8);

/** A touchpoint with rules, written straight to the database. */
export async function buildTouchpoint(opts: {
  org: string | { organisationId: string };
  key?: string;
  stage?: string;
  order?: number;
  rules?: Partial<Rules>;
}) {
  const organisationId = typeof opts.org === 'string' ? opts.org : opts.org.organisationId;
  const key = opts.key ?? `tp_${unique()}`;
  const doc = await TouchpointModel.create({
    organisationId,
    key,
    name: `Touchpoint ${key}`,
    stage: opts.stage ?? 'Support',
    order: opts.order ?? 0,
    defaultChannel: opts.rules?.channel ?? 'email',
    rules: DistributionRules.parse(opts.rules ?? {}),
  });
  return { id: String(doc._id), key, organisationId };
}

/** A contact written straight to the database. */
export async function buildContact(opts: {
  org: string | { organisationId: string };
  email?: string | null;
  externalId?: string | null;
  timeZone?: string | null;
  language?: string | null;
  attributes?: Record<string, string | number | boolean>;
}) {
  const organisationId = typeof opts.org === 'string' ? opts.org : opts.org.organisationId;
  const _id = new Types.ObjectId();
  const email = opts.email === undefined ? `contact-${unique()}@example.test` : opts.email;
  const externalId = opts.externalId ?? null;
  await ContactModel.create({
    _id,
    organisationId,
    email,
    externalId,
    emailKey: email ?? placeholderKey(_id),
    externalKey: externalId ?? placeholderKey(_id),
    timeZone: opts.timeZone ?? null,
    language: opts.language ?? null,
    attributes: opts.attributes ?? {},
  });
  return { id: String(_id), email, externalId, organisationId };
}

/** An organisation with an API key, a published survey and an email touchpoint asking it at once. */
export async function buildDistribution(
  h: { app: import('express').Express },
  opts: { rules?: Partial<Rules>; kind?: 'nps' | 'csat' | 'ces' } = {},
) {
  const { signUpOwner, createApiKey } = await import('./accounts');
  const { buildSurvey } = await import('./surveys');
  const owner = await signUpOwner(h.app);
  const survey = await buildSurvey({ org: owner, kind: opts.kind ?? 'nps' });
  const touchpoint = await buildTouchpoint({ org: owner, rules: { surveyId: survey.id, ...opts.rules } });
  const { secret } = await createApiKey(owner, ['interactions:write']);
  return { owner, survey, touchpoint, apiKey: secret, auth: { Authorization: `Bearer ${secret}` } };
}
