import { OutboxQuery, OutboxResponse } from '@pulse/shared/schemas/outbox';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';

/**
 * The Outbox shows what the development mail catcher received, so a local user can open the
 * invitation or reset link Pulse "sent". Only registered when a catcher is configured.
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
    handler: async ({ query }, _req, res) => {
      const url = new URL('/messages', deps.catcherUrl);
      if (query.to) url.searchParams.set('to', query.to);
      const answer = await fetch(url).catch(() => undefined);
      if (!answer?.ok) throw new AppError('service_unavailable', 'The mail catcher does not answer');
      res.json(OutboxResponse.parse(await answer.json()));
    },
  });
}
