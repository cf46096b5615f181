import type { AnyJobDef } from '../../lib/jobs';
import { SendReminder } from './remind-invitation.job';
import { SendInvitation } from './send-invitation.job';
import { SweepInvitations } from './sweep-invitations.job';

/** The invitations module's jobs, collected by server/src/registry.ts. */
export const invitationJobs: AnyJobDef[] = [SendInvitation, SendReminder, SweepInvitations];
