import { Box, Stack, Table, Text } from '@mantine/core';
import { AUDIT_ACTION_LABELS, type AuditEvent } from '@pulse/shared/schemas/audit';

import { DataTable } from '../../../components/data-table';
import { NameWithTag } from '../../../components/name-with-tag';
import { formatDateTime, formatFullDateTime } from '../../../lib/format';

const ACTOR_KIND_LABELS: Record<AuditEvent['actor']['kind'], string | null> = {
  user: null,
  apiKey: 'API key',
  system: 'System',
};

export function AuditLogTable({ events }: { events: AuditEvent[] }) {
  return (
    <DataTable
      head={
        <>
          <Table.Th w={{ base: 120, sm: 170 }}>When</Table.Th>
          <Table.Th visibleFrom="sm">Who</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th visibleFrom="sm">Target</Table.Th>
          <Table.Th visibleFrom="sm" w={130}>
            IP address
          </Table.Th>
        </>
      }
    >
      {events.map((event) => (
        <Table.Tr key={event.id}>
          <Table.Td>
            <Text size="sm" title={formatFullDateTime(event.at)}>
              {formatDateTime(event.at)}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Actor actor={event.actor} />
          </Table.Td>
          <Table.Td>
            <Stack gap={2}>
              {/* Who and what to fold into this cell on phones, where their columns do not fit. */}
              <Box hiddenFrom="sm">
                <Actor actor={event.actor} />
              </Box>
              <Text size="sm">{AUDIT_ACTION_LABELS[event.action]}</Text>
              {event.target && (
                <Text size="sm" hiddenFrom="sm" style={{ overflowWrap: 'anywhere' }}>
                  {event.target}
                </Text>
              )}
              <EventDetails details={event.details} />
            </Stack>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {event.target ?? '—'}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Text size="sm" ff="monospace" c={event.ip ? undefined : 'dimmed'}>
              {event.ip ?? '—'}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Actor({ actor }: { actor: AuditEvent['actor'] }) {
  return <NameWithTag name={actor.label} tag={ACTOR_KIND_LABELS[actor.kind]} />;
}

/** The server decides what is worth recording (old and new role, changed fields); shown as is. */
function EventDetails({ details }: { details: AuditEvent['details'] }) {
  const entries = Object.entries(details).filter(([, value]) => value !== null && value !== '');
  if (entries.length === 0) return null;
  return (
    <Text size="xs" c="dimmed">
      {entries.map(([key, value]) => `${key}: ${String(value)}`).join(' · ')}
    </Text>
  );
}
