import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';

import { AUDIT_ACTION_LABELS, type AuditAction } from '@pulse/shared/schemas/audit';

import type { Ctx } from '../../lib/context';
import { readableIp } from './audit.presenter';
import { listAudit } from './audit.service';

const PAGE = 500;

/** Every event of the organisation, newest first, read a page at a time so memory stays flat. */
async function* allEvents(ctx: Ctx) {
  let cursor: string | undefined;
  do {
    const page = await listAudit(ctx, { cursor, limit: PAGE });
    yield* page.events;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The audit log as CSV, streamed; spreadsheet formula injection is neutralised by csv-stringify. */
export function auditCsv(ctx: Ctx): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const e of allEvents(ctx)) {
        yield {
          at: e.at.toISOString(),
          actor: e.actorLabel,
          actor_kind: e.actorKind,
          action: e.action,
          description: AUDIT_ACTION_LABELS[e.action as AuditAction],
          target: e.target ?? '',
          details: JSON.stringify(e.details ?? {}),
          ip: readableIp(e.ip) ?? '',
        };
      }
    })(),
  );
  return rows.pipe(
    stringify({
      header: true,
      columns: ['at', 'actor', 'actor_kind', 'action', 'description', 'target', 'details', 'ip'],
      escape_formulas: true,
    }),
  );
}
