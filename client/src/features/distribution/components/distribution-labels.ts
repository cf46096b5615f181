import type { SkipReason } from '@pulse/shared/schemas/interactions';
import type { InvitationState } from '@pulse/shared/schemas/invitations';
import type { DistributionRules } from '@pulse/shared/schemas/touchpoints';

import { formatCount } from '../../../lib/format';

export const STATE_LABELS: Record<InvitationState, string> = {
  skipped: 'Skipped',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  bounced: 'Bounced',
  opened: 'Opened',
  clicked: 'Clicked',
  responded: 'Responded',
  expired: 'Expired',
  failed: 'Failed',
};

/** Light badge backgrounds; the text on them is gray.9, which keeps AA contrast on every one. */
export const STATE_COLOURS: Record<InvitationState, string> = {
  skipped: 'gray',
  queued: 'blue',
  sending: 'blue',
  sent: 'teal',
  bounced: 'red',
  opened: 'teal',
  clicked: 'teal',
  responded: 'green',
  expired: 'gray',
  failed: 'red',
};

export const REASON_LABELS: Record<SkipReason, string> = {
  sampled_out: 'Sampled out',
  fatigued: 'Asked recently (fatigue)',
  suppressed: 'Suppressed (unsubscribed or bounced)',
  no_email: 'No email address',
  survey_paused: 'Survey paused',
  duplicate: 'Duplicate interaction',
  no_survey: 'No survey chosen',
};

export const CHANNEL_LABELS = { email: 'Email', link: 'Link returned to caller' } as const;

function duration(minutes: number): string {
  if (minutes === 0) return 'at once';
  if (minutes % 1440 === 0) return `after ${formatCount(minutes / 1440, 'day')}`;
  if (minutes % 60 === 0) return `after ${formatCount(minutes / 60, 'hour')}`;
  return `after ${formatCount(minutes, 'minute')}`;
}

/** The rules as a manager reads them, one line each. */
export function describeRules(rules: DistributionRules): string[] {
  const lines = [
    `${rules.channel === 'email' ? 'Email' : 'Link'} ${duration(rules.delayMinutes)}`,
    rules.samplingPercent === 100 ? 'Every interaction' : `${rules.samplingPercent}% of interactions`,
    rules.fatigueDays === 0
      ? 'No fatigue limit'
      : `At most once per ${formatCount(rules.fatigueDays, 'day')} per contact`,
  ];
  if (rules.quietHours) lines.push(`Quiet ${rules.quietHours.start}–${rules.quietHours.end} (contact’s time)`);
  lines.push(
    rules.reminders.count === 0
      ? 'No reminders'
      : `${formatCount(rules.reminders.count, 'reminder')}, ${rules.reminders.spacingHours} h apart`,
  );
  lines.push(`Link expires after ${formatCount(rules.expiryDays, 'day')}`);
  return lines;
}
