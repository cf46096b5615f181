import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob } from '../../lib/jobs';
import { deliverDigest, giveUpDigest } from './digests.service';

const objectId = z.string().regex(/^[a-f0-9]{24}$/);

/** One subscription's digest for the period delivered on `day`: ids and a date only, no address. */
export const SendDigest = defineJob({
  name: 'digests.send',
  queue: 'bulk',
  payload: z.object({ organisationId: objectId, subscriptionId: objectId, day: z.iso.date() }),
  async run({ organisationId, subscriptionId, day }, { log }) {
    const ctx = systemContext({ organisationId, log, name: 'Digests' });
    const outcome = await deliverDigest(ctx, subscriptionId, day);
    log.info({ subscriptionId, day, outcome }, 'digest');
  },
  onFinalFailure: ({ organisationId, subscriptionId, day }, error) =>
    giveUpDigest(organisationId, subscriptionId, day, error),
});
