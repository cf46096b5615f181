import { UnrecoverableError } from 'bullmq';
import { Types } from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { boundJobs, defineJob } from '../../lib/jobs';
import { postWebhook, UnsafeAddressError } from '../webhooks/webhooks.service';
import { chatText, noAnswerText } from './alerts.emails';
import { describeFiring, findFiring, recordOutcome } from './alerts.firings';
import { getRule } from './alerts.service';

const Id = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');
const Payload = z.object({ organisationId: Id, firingId: Id });
type Payload = z.infer<typeof Payload>;

const TIMEOUT_MS = 10_000;

/**
 * One chat message per firing. The firing's `chat.state` is the truth: a job for a firing already
 * delivered does nothing, so a redelivered event or a retry after the receiver's 200 was lost
 * posts nothing twice from our side. The URL is checked again at every attempt (SSRF: a name may
 * resolve elsewhere later) and the connection is pinned to the address checked.
 */
export const DeliverChat = defineJob<Payload>({
  name: 'alerts.deliver-chat',
  queue: 'webhooks',
  payload: Payload,
  options: { attempts: 6, backoff: { type: 'exponential', delay: 5_000 } },
  async run({ organisationId, firingId }, { log }) {
    const ctx = systemContext({ organisationId, log, name: 'Alerts' });
    const firing = await findFiring(ctx, firingId);
    if (!firing || firing.chat?.state === 'delivered') return;
    const rule = await getRule(ctx, String(firing.ruleId)).catch(() => null);
    const url = rule?.channels?.chatUrl;
    if (!rule || !url) return;
    const described = await describeFiring(ctx, firing, rule);
    if (!described) return;
    const text = described.kind === 'response' ? chatText(described.facts) : noAnswerText(described.facts);
    const outcome = await postWebhook(url, {}, JSON.stringify({ text }), TIMEOUT_MS).catch((err: unknown) => {
      if (err instanceof UnsafeAddressError) throw new UnrecoverableError(err.message);
      throw err;
    });
    if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
      await recordOutcome(ctx, firingId, 'chat', { state: 'delivered', detail: `HTTP ${outcome.status}` });
      return;
    }
    const error = outcome.error ?? `answered HTTP ${outcome.status}`;
    await recordOutcome(ctx, firingId, 'chat', { state: 'retrying', detail: error });
    throw new Error(error);
  },
  async onFinalFailure({ organisationId, firingId }, error) {
    await recordOutcome({ organisationId }, firingId, 'chat', { state: 'failed', detail: error.message });
  },
});

/** Queued once per firing: the job id is the firing's. */
export async function queueChat(organisationId: string, firingId: string) {
  const firing = await findFiring({ organisationId }, firingId);
  if (!firing || firing.chat?.state === 'delivered' || firing.chat?.state === 'failed') return;
  // Queued again when a redelivered event finds it pending: the same job id makes that one job.
  if (!firing.chat) await recordOutcome({ organisationId }, firingId, 'chat', { state: 'pending', detail: null });
  await boundJobs().enqueue(DeliverChat, { organisationId, firingId }, { jobId: `alert-chat-${firingId}` });
}
