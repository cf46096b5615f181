import { OutboxQuery, OutboxResponse, type OutboxMessage } from '@pulse/shared/schemas/outbox';

import { userActor } from '../../lib/context';
import type { Api } from '../auth/access';
import { listOrganisationEmails } from '../mail/mail.service';

const LIMIT = 100;

type Listed = Awaited<ReturnType<typeof listOrganisationEmails>>[number];

const present = (e: Listed): OutboxMessage => ({
  id: String(e._id),
  from: e.from,
  to: [e.to],
  subject: e.subject,
  text: e.text,
  html: e.html ?? null,
  headers: e.headers ?? {},
  receivedAt: (e.sentAt ?? e.createdAt).toISOString(),
  kind: e.kind,
  state: e.state,
  lastError: e.lastError ?? null,
});

/**
 * The Outbox: mail the organisation itself sent (invitations now, survey mail later), read from
 * Pulse's own Email documents by organisationId — never mail to someone's own account
 * (verification, password reset: those belong to no organisation), never another
 * organisation's. Its links are live tokens, so only owners and admins read it, and an owner
 * invitation only owners. A development tool: never registered in production.
 */
export function registerOutboxRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/outbox',
    summary: 'Mail this organisation sent, newest first (development only)',
    tags: ['development'],
    access: { permission: 'members.manage' },
    query: OutboxQuery,
    responses: { 200: { description: 'Sent and queued messages, newest first', schema: OutboxResponse } },
    handler: async ({ query, ctx }, _req, res) => {
      const readableBy = userActor(ctx).role === 'owner' ? (['owner', 'admin'] as const) : (['admin'] as const);
      const emails = await listOrganisationEmails(ctx, { limit: LIMIT, readableBy: [...readableBy] });
      const messages = emails.map(present).filter((m) => !query.to || m.to.includes(query.to.toLowerCase()));
      res.json({ messages });
    },
  });
}
