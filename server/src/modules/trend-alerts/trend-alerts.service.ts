import { addDaysToKey, isoWeekOfDay, localDay } from '@pulse/shared/metrics/time-buckets';
import { MetricKind } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { AppError } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { breakdown } from '../analytics/analytics.service';
import { reportingZone } from '../analytics/rollups.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { listMembers } from '../members/members.service';
import { teamEmails, userEmails } from '../teams/teams.service';
import { listTouchpoints, type TouchpointDoc } from '../touchpoints/touchpoints.service';
import { trendMail } from './trend-alerts.emails';
import { TrendAlertModel } from './trend-alert.model';

const METRIC = { nps: 'NPS', csat: 'CSAT', ces: 'CES' } as const;
const signed = (x: number) => `${x > 0 ? '+' : ''}${x.toFixed(1)} ${'pts'}`;

/** Monday to Sunday of the last complete ISO week before `today` (local days). */
export function lastCompleteWeek(today: string): { from: string; to: string; week: string } {
  const weekday = (new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  const from = addDaysToKey(today, -weekday - 7);
  return { from, to: addDaysToKey(from, 6), week: isoWeekOfDay(from) };
}

/**
 * Alerts on each touchpoint whose score dropped significantly in the last complete week against
 * the week before: the dashboard's own test (`compareCounts`: adjusted-Wald NPS difference or a
 * two-proportion z test; both weeks need the dashboard's minimum of answers; p < 0.05). Reads
 * rollups only. Mails first, under ids derived from the alert and the address, then records the
 * alert: a crash in between re-sends nothing twice, and a recorded week is never looked at again.
 */
export async function checkTrends(ctx: Ctx, now = new Date()): Promise<number> {
  const zone = await reportingZone(ctx);
  const { from, to, week } = lastCompleteWeek(localDay(now, zone));
  let touchpoints: Map<string, TouchpointDoc> | undefined;
  let raised = 0;
  for (const kind of MetricKind.options) {
    const report = await breakdown(ctx, { kind, from, to, by: 'touchpoint' }).catch((err: unknown) => {
      // Surveys of one metric on different scales cannot be added up: nothing to compare there.
      if (err instanceof AppError && err.code === 'validation_failed') return null;
      throw err;
    });
    for (const group of report?.groups ?? []) {
      const { change } = group;
      if (group.key === '-' || !change.significant || change.direction !== 'down') continue;
      const _id = derivedId('trend-alert', ctx.organisationId, group.key, kind, week);
      if (await TrendAlertModel.exists({ _id, organisationId: ctx.organisationId })) continue;
      touchpoints ??= new Map((await listTouchpoints(ctx)).map((t) => [String(t._id), t]));
      const touchpoint = touchpoints.get(group.key);
      const recipients = await owners(ctx, touchpoint);
      const url = new URL(`/analytics?kind=${kind}&touchpointId=${group.key}`, settings().publicUrl).toString();
      for (const to of recipients) {
        const mail = trendMail(to, {
          touchpoint: touchpoint?.name ?? 'a touchpoint',
          metric: METRIC[kind],
          week,
          change: signed(change.difference!),
          interval: `${signed(change.interval!.low)} to ${signed(change.interval!.high)}`,
          pValue: change.pValue! < 0.001 ? 'p < 0.001' : `p = ${change.pValue!.toFixed(3)}`,
          url,
        });
        await sendOrganisationEmail(ctx, mail, {
          kind: 'trend.alert',
          relatedId: String(_id),
          id: derivedId('trend-alert-mail', String(_id), to),
        });
      }
      try {
        await TrendAlertModel.create({
          _id,
          organisationId: ctx.organisationId,
          touchpointId: group.key,
          kind,
          week,
          difference: change.difference!,
          pValue: change.pValue!,
          recipients,
        });
        raised++;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
  }
  return raised;
}

/**
 * Who owns a touchpoint's figures: its owner team's members and owner people, read when the
 * alert goes out; a touchpoint without owners (or whose owners all left) tells the
 * organisation's owners and admins.
 */
async function owners(ctx: Ctx, touchpoint: TouchpointDoc | undefined): Promise<string[]> {
  const named = [
    ...(touchpoint?.ownerTeamId ? await teamEmails(ctx, [String(touchpoint.ownerTeamId)]) : []),
    ...(await userEmails(ctx, (touchpoint?.ownerUserIds ?? []).map(String))),
  ];
  if (named.length > 0) return [...new Set(named)].sort();
  const { members } = await listMembers(ctx);
  return members.filter((m) => m.membership.role === 'owner' || m.membership.role === 'admin').map((m) => m.user.email);
}
