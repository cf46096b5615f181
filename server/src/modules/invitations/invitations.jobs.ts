import { Types } from 'mongoose';
import { z } from 'zod';

import { jobType } from '../../lib/queue';

const ObjectIdString = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');

/** "Look at invitation X": ids only, the invitation document says what to do. */
export const SendInvitation = jobType(
  'invitation.send',
  z.object({ organisationId: ObjectIdString, invitationId: ObjectIdString }),
);

/** Reminder number `n` (1-based) to a contact who has not answered yet. */
export const SendReminder = jobType(
  'invitation.remind',
  z.object({ organisationId: ObjectIdString, invitationId: ObjectIdString, n: z.number().int().min(1).max(3) }),
);

/** Every minute: re-queue stuck sends, expire old links, queue due reminders. */
export const SweepInvitations = jobType('invitation.sweep', z.object({}));

/** Survey mail waits behind account mail (verification, resets) in the one queue. */
export const BULK_PRIORITY = 10;
