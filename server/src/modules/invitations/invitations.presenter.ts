import type { Decision } from '@pulse/shared/schemas/interactions';
import type { Invitation } from '@pulse/shared/schemas/invitations';

import { settings } from '../../lib/settings';
import type { SurveyInvitationDoc } from './invitation.model';
import { invitationToken } from './invitation-token';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The personal survey link (the link channel hands it to the caller; emails carry it). */
export const surveyLinkOf = (id: SurveyInvitationDoc['_id'] | string) =>
  `${settings().publicUrl}/r/${invitationToken(id, settings().secretKey)}`;

export function presentDecision(
  index: number,
  doc: SurveyInvitationDoc,
): Omit<Decision, 'replayed'> & { replayed: boolean } {
  const skipped = doc.state === 'skipped';
  return {
    index,
    outcome: skipped ? 'skipped' : 'invited',
    reason: (doc.reason ?? null) as Decision['reason'],
    invitationId: String(doc._id),
    contactId: String(doc.contactId),
    channel: doc.channel as Decision['channel'],
    sendAt: !skipped && doc.channel === 'email' ? iso(doc.sendAt) : null,
    url: !skipped && doc.channel === 'link' ? surveyLinkOf(doc._id) : null,
    replayed: false,
  };
}

export const presentInvitation = (doc: SurveyInvitationDoc): Invitation => ({
  id: String(doc._id),
  touchpointId: String(doc.touchpointId),
  touchpointKey: doc.touchpointKey,
  surveyId: doc.surveyId ? String(doc.surveyId) : null,
  contactId: String(doc.contactId),
  channel: doc.channel as Invitation['channel'],
  state: doc.state as Invitation['state'],
  reason: (doc.reason ?? null) as Invitation['reason'],
  to: doc.to ?? null,
  sendAt: iso(doc.sendAt),
  sentAt: iso(doc.sentAt),
  expiresAt: iso(doc.expiresAt),
  remindersSent: doc.remindersSent ?? 0,
  attempts: doc.attempts ?? 0,
  lastError: doc.lastError ?? null,
  history: (doc.history ?? []).map((h) => ({ state: h.state as Invitation['state'], at: iso(h.at)! })),
  createdAt: iso(doc.createdAt)!,
});
