import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { AUDIT_ACTION_LABELS, type AuditEvent } from '@pulse/shared/schemas/audit';
import type { ReactNode } from 'react';

import { DataTable } from '../../../components/data-table';
import { NameWithTag } from '../../../components/name-with-tag';
import { formatDateTimeWithZone, formatFullDateTime } from '../../../lib/format';

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
              {formatDateTimeWithZone(event.at)}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Actor actor={event.actor} />
          </Table.Td>
          <Table.Td>
            <Stack gap={2}>
              <Text size="sm">{AUDIT_ACTION_LABELS[event.action]}</Text>
              <EventDetails details={event.details} />
              {/* On phones the Who, Target and IP columns do not fit: they fold in here, each
                  labelled, since their column headings are not on screen. */}
              <Stack gap={2} hiddenFrom="sm" mt={4}>
                <Labelled label="By">
                  <Actor actor={event.actor} />
                </Labelled>
                {event.target && (
                  <Labelled label="Target">
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {event.target}
                    </Text>
                  </Labelled>
                )}
                {event.ip && (
                  <Labelled label="IP">
                    <Text size="sm" ff="monospace">
                      {event.ip}
                    </Text>
                  </Labelled>
                )}
              </Stack>
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

/** Named as Team names them, with the address recorded at the time beneath. */
function Actor({ actor }: { actor: AuditEvent['actor'] }) {
  return (
    <Stack gap={0}>
      <NameWithTag name={actor.label} tag={ACTOR_KIND_LABELS[actor.kind]} />
      {actor.email && actor.email !== actor.label && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {actor.email}
        </Text>
      )}
    </Stack>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="xs" c="dimmed" fw={600} w={44} pt={2} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Box miw={0}>{children}</Box>
    </Group>
  );
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
