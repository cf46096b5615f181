import mongoose from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob, type JobContext } from '../../lib/jobs';
import { recordTimeline } from '../contacts/contacts.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { nextReminderAt, ObjectIdString } from './send-invitation.job';
import { recipientOf, senderOf, surveyFor } from './send-context';
import { composeSurveyEmail, fromOf } from './survey-email.compose';

/** Only people who have not answered: a response moves the state to `responded` and ends these. */
const AWAITING = ['sent', 'opened', 'clicked'];

const Payload = z.object({
  organisationId: ObjectIdString,
  invitationId: ObjectIdString,
  n: z.number().int().min(1).max(3),
});
type Payload = z.infer<typeof Payload>;

/** Reminder number `n` (1-based) to a contact who has not answered yet. */
async function remind({ organisationId, invitationId, n }: Payload, { log, services }: JobContext) {
  const ctx = systemContext({ organisationId, log, name: 'Survey reminders' });
  const now = new Date();
  // Claims reminder n: exactly one run moves remindersSent from n-1 to n.
  const due: Record<string, unknown> = {
    _id: invitationId,
    organisationId,
    state: mongoose.trusted({ $in: AWAITING }),
    remindersSent: n - 1,
    nextReminderAt: mongoose.trusted({ $lte: new Date(now.getTime() + 1_000) }),
    expiresAt: mongoose.trusted({ $gt: now }),
  };
  const invitation = await SurveyInvitationModel.findOneAndUpdate(
    due,
    { $set: { remindersSent: n, reminderClaimedAt: now, nextReminderAt: null } },
    { returnDocument: 'after' },
  ).lean<SurveyInvitationDoc>();
  if (!invitation) return;
  const contact = await recipientOf(ctx, String(invitation.contactId));
  const survey = invitation.surveyId ? await surveyFor(ctx, String(invitation.surveyId)) : null;
  if (contact.suppression?.reason || !contact.email || survey?.status !== 'active' || !survey) return;
  const org = await senderOf(ctx);
  const mail = await composeSurveyEmail({
    survey,
    org,
    contact,
    invitationId,
    language: invitation.language,
    reminder: true,
  });
  try {
    await services.mailer.send({ from: fromOf(org, survey), to: contact.email, ...mail });
  } catch (err) {
    // Give the reminder back so the retry can claim it again.
    await SurveyInvitationModel.updateOne(
      { _id: invitation._id, organisationId, remindersSent: n },
      { $set: { remindersSent: n - 1, nextReminderAt: now } },
    );
    throw err;
  }
  const stillAwaiting: Record<string, unknown> = {
    _id: invitation._id,
    organisationId,
    remindersSent: n,
    state: mongoose.trusted({ $in: AWAITING }),
  };
  await SurveyInvitationModel.updateOne(stillAwaiting, { $set: { nextReminderAt: nextReminderAt(invitation, now) } });
  await recordTimeline(ctx, String(invitation.contactId), {
    kind: 'invitation',
    summary: `Reminder ${n} sent`,
    touchpointKey: invitation.touchpointKey,
    channel: 'email',
    refId: invitationId,
  });
}

export const SendReminder = defineJob({ name: 'invitation.remind', queue: 'bulk', payload: Payload, run: remind });
