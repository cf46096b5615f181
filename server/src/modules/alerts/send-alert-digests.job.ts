import mongoose from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { boundJobs, defineJob } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { settings } from '../../lib/settings';
import { sendOrganisationEmail } from '../mail/mail.service';
import { AlertFiringModel, type AlertFiringDoc } from './alert-firing.model';
import { digestMail } from './alerts.emails';
import { describeFiring } from './alerts.firings';
import { getRule } from './alerts.service';

const Period = z.enum(['hourly', 'daily']);
type Period = z.infer<typeof Period>;

const BATCH = 2_000;

/** The start of the period `now` is in (UTC): a batch lists the firings before it. */
export function periodStart(period: Period, now: Date): Date {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  if (period === 'daily') d.setUTCHours(0);
  return d;
}

/**
 * One mail per rule and period listing its undelivered firings. The batch's _id is derived from
 * (rule, period, period start), and so are its mails' ids: a run repeated after a crash, or by
 * a second worker, stores the same mails (sent once) and marks the same firings. The firings are
 * marked only after their mails are stored, so a crash in between re-lists them under the same id.
 */
export async function sendAlertDigests(period: Period, log: Logger, now = new Date()) {
  const before = periodStart(period, now);
  // Across organisations by design: the sweep serves them all; each mail is scoped to its own.
  const firings = await AlertFiringModel.find({
    delivery: period,
    digest: null,
    announcedAt: mongoose.trusted({ $ne: null }),
    at: mongoose.trusted({ $lt: before }),
  })
    .setOptions({ crossTenant: true })
    .sort({ at: 1 })
    .limit(BATCH)
    .lean<AlertFiringDoc[]>();
  const byRule = new Map<string, AlertFiringDoc[]>();
  for (const f of firings) {
    const key = `${String(f.organisationId)}:${String(f.ruleId)}`;
    byRule.set(key, [...(byRule.get(key) ?? []), f]);
  }
  let mails = 0;
  for (const group of byRule.values()) {
    const { organisationId, ruleId } = group[0]!;
    const ctx = systemContext({ organisationId: String(organisationId), log, name: 'Alert digests' });
    const batchId = String(derivedId('alert-digest', String(ruleId), period, before.toISOString()));
    const rule = await getRule(ctx, String(ruleId)).catch(() => null);
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
  return { firings: firings.length, mails };
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

/** Declared by every worker at start: one schedule each, at the top of the hour and at midnight UTC. */
export async function scheduleAlertDigests() {
  await boundJobs().schedule(SendAlertDigests, 'alerts.digest-hourly', { pattern: '1 * * * *' }, { period: 'hourly' });
  await boundJobs().schedule(
    SendAlertDigests,
    'alerts.digest-daily',
    { pattern: '1 0 * * *', tz: 'UTC' },
    { period: 'daily' },
  );
}
