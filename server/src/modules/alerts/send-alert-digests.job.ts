import { TZDate } from '@date-fns/tz';
import mongoose from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { boundJobs, defineJob } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { settings } from '../../lib/settings';
import { sendOrganisationEmail } from '../mail/mail.service';
import { findOrganisation } from '../organisations/organisation.service';
import { AlertFiringModel, type AlertFiringDoc } from './alert-firing.model';
import { digestMail } from './alerts.emails';
import { describeFiring } from './alerts.firings';
import { getRule } from './alerts.service';

const Period = z.enum(['hourly', 'daily']);
type Period = z.infer<typeof Period>;

const BATCH = 2_000;

/**
 * The start of the period `now` is in, on the organisation's clock: the local hour (in a zone
 * half an hour off UTC it starts at :30 UTC), or the latest local `hour` o'clock for a daily
 * batch. A batch lists the firings before it. Local days are built from their date each time,
 * so a DST change moves the daily batch with the wall clock (an hour a DST change skips lands
 * on the next that exists).
 */
export function periodStart(period: Period, now: Date, timeZone: string, hour: number): Date {
  const local = new TZDate(+now, timeZone);
  if (period === 'hourly') return new Date(Math.floor(+now / 60_000) * 60_000 - local.getMinutes() * 60_000);
  const at = (daysBack: number) =>
    new Date(+new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - daysBack, hour, 0, 0, timeZone));
  return at(0) <= now ? at(0) : at(1);
}

/**
 * One mail per rule and period listing its undelivered firings. The batch's _id is derived from
 * (rule, period, period start), and so are its mails' ids: a run repeated after a crash, or by
 * a second worker, stores the same mails (sent once) and marks the same firings. The firings are
 * marked only after their mails are stored, so a crash in between re-lists them under the same id.
 */
export async function sendAlertDigests(period: Period, log: Logger, now = new Date()) {
  // Across organisations by design: the sweep serves them all; each mail is scoped to its own.
  // Each organisation's period ends at its own time, so which firings are due is decided per rule.
  const pending = await AlertFiringModel.find({
    delivery: period,
    digest: null,
    announcedAt: mongoose.trusted({ $ne: null }),
  })
    .setOptions({ crossTenant: true })
    .sort({ at: 1 })
    .limit(BATCH)
    .lean<AlertFiringDoc[]>();
  const byRule = new Map<string, AlertFiringDoc[]>();
  for (const f of pending) {
    const key = `${String(f.organisationId)}:${String(f.ruleId)}`;
    byRule.set(key, [...(byRule.get(key) ?? []), f]);
  }
  const zones = new Map<string, Promise<string>>();
  const zoneOf = (organisationId: string) => {
    if (!zones.has(organisationId))
      zones.set(
        organisationId,
        findOrganisation(organisationId).then((o) => o?.timeZone ?? 'UTC'),
      );
    return zones.get(organisationId)!;
  };
  let mails = 0;
  let batched = 0;
  for (const all of byRule.values()) {
    const { organisationId, ruleId } = all[0]!;
    const ctx = systemContext({ organisationId: String(organisationId), log, name: 'Alert digests' });
    const rule = await getRule(ctx, String(ruleId)).catch(() => null);
    const before = periodStart(period, now, await zoneOf(String(organisationId)), rule?.digestHour ?? 0);
    const group = all.filter((f) => f.at < before);
    if (group.length === 0) continue;
    batched += group.length;
    const batchId = String(derivedId('alert-digest', String(ruleId), period, before.toISOString()));
    const mailed = !!rule?.channels?.emails?.length;
    if (rule && mailed) {
      const lines: string[] = [];
      for (const f of group) {
        const d = await describeFiring(ctx, f, rule);
        if (!d) continue;
        lines.push(
          d.kind === 'response'
            ? `${d.facts.score} (${d.facts.band})${d.facts.touchpoint ? ` at ${d.facts.touchpoint}` : ''}` +
                `${d.facts.comment ? `: “${d.facts.comment}”` : ''} — ${d.facts.url}`
            : `no answer from ${d.facts.contact} about ${d.facts.touchpoint} — ${d.facts.url}`,
        );
      }
      const url = new URL('/cases', settings().publicUrl).toString();
      for (const to of rule.channels?.emails ?? []) {
        await sendOrganisationEmail(ctx, digestMail(to, { ruleName: rule.name, period, lines, url }), {
          kind: 'alert.digest',
          relatedId: batchId,
          id: derivedId('alert-digest-mail', batchId, to),
        });
        mails++;
      }
    }
    await AlertFiringModel.updateMany(
      { organisationId, _id: mongoose.trusted({ $in: group.map((f) => f._id) }), digest: null },
      // A deleted rule, or one without addresses, has no one to tell: its firings are settled all the same.
      { $set: { digest: { state: mailed ? 'sent' : 'skipped', detail: batchId } } },
    );
  }
  return { firings: batched, mails };
}

export const SendAlertDigests = defineJob({
  name: 'alerts.send-digests',
  queue: 'transactional',
  payload: z.object({ period: Period }),
  // The next run is the retry: undelivered firings wait for it.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run({ period }, { log }) {
    const result = await sendAlertDigests(period, log);
    if (result.firings) log.info({ period, ...result }, 'sent alert digests');
  },
});

/**
 * Declared by every worker at start. Every quarter of an hour, not on the UTC hour: periods end
 * on each organisation's clock, and zones are offset by 30 or 45 minutes (India, Nepal).
 */
export async function scheduleAlertDigests() {
  for (const period of Period.options)
    await boundJobs().schedule(
      SendAlertDigests,
      `alerts.digest-${period}`,
      { pattern: '1,16,31,46 * * * *' },
      { period },
    );
}
