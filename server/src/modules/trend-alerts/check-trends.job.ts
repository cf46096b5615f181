import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { boundJobs, defineJob } from '../../lib/jobs';
import { allOrganisationIds } from '../organisations/organisation.service';
import { checkTrends } from './trend-alerts.service';

/** One organisation's check: ids only in the payload; a redelivery finds its alerts recorded. */
export const CheckOrganisationTrends = defineJob({
  name: 'trend-alerts.check-organisation',
  queue: 'bulk',
  payload: z.object({ organisationId: z.string().regex(/^[a-f0-9]{24}$/) }),
  async run({ organisationId }, { log }) {
    const raised = await checkTrends(systemContext({ organisationId, log, name: 'Trend alerts' }));
    if (raised) log.info({ organisationId, raised }, 'trend alerts raised');
  },
});

const EVERY_MS = 3_600_000;

/**
 * The repeatable fan-out: each hour, one check per organisation. Hourly rather than weekly, so
 * an organisation whose week ends at its own local midnight hears on Monday morning, and a
 * missed run is only an hour late; the derived alert ids keep it to once per touchpoint-week.
 */
export const CheckTrends = defineJob({
  name: 'trend-alerts.check',
  queue: 'bulk',
  payload: z.object({}),
  // The next run is the retry.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run() {
    const hour = Math.floor(Date.now() / EVERY_MS);
    const ids = await allOrganisationIds();
    await boundJobs().enqueueMany(
      CheckOrganisationTrends,
      ids.map((organisationId) => ({ payload: { organisationId }, jobId: `trend-${organisationId}-${hour}` })),
    );
  },
});

/** Declared by every worker at start: upserted by id, so there is one schedule however many workers. */
export const scheduleTrendChecks = () => boundJobs().schedule(CheckTrends, CheckTrends.name, { every: EVERY_MS }, {});
