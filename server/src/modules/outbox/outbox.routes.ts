import { OutboxQuery, OutboxResponse } from '@pulse/shared/schemas/outbox';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { organisationAddresses } from '../members/members.service';

/**
 * The Outbox shows what the development mail catcher received, so a local user can open the
 * invitation or reset link Pulse "sent". Only registered when a catcher is configured (never in
 * production), and even then each organisation sees only mail to its own members and invitees.
 */
export function registerOutboxRoutes(api: Api, deps: { catcherUrl: string }): void {
  api.route({
    method: 'get',
    path: '/api/v1/outbox',
    summary: 'Mail caught by the development mail catcher',
    tags: ['development'],
    access: { permission: 'org.read' },
    query: OutboxQuery,
    responses: { 200: { description: 'Caught messages, newest first', schema: OutboxResponse } },
    handler: async ({ query, ctx }, _req, res) => {
      const url = new URL('/messages', deps.catcherUrl);
      if (query.to) url.searchParams.set('to', query.to);
      const answer = await fetch(url).catch(() => undefined);
      if (!answer?.ok) throw new AppError('service_unavailable', 'The mail catcher does not answer');
      const { messages } = OutboxResponse.parse(await answer.json());
      const ours = await organisationAddresses(ctx);
      res.json({ messages: messages.filter((m) => m.to.some((to) => ours.has(to))) });
    },
  });
}
