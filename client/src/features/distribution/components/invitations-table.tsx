import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { Invitation } from '@pulse/shared/schemas/invitations';
import { Link } from 'react-router';

import { DataTable } from '../../../components/data-table';
import { formatDateTimeWithZone, formatFullDateTime } from '../../../lib/format';
import { REASON_LABELS, STATE_COLOURS, STATE_LABELS } from './distribution-labels';

/** Each decision: when, who, where, and what became of it (or why nobody was asked). */
export function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  return (
    <DataTable
      head={
        <>
          <Table.Th w={{ base: 120, sm: 180 }}>When</Table.Th>
          <Table.Th>Contact</Table.Th>
          <Table.Th visibleFrom="sm">Touchpoint</Table.Th>
          <Table.Th visibleFrom="sm">Decision</Table.Th>
          <Table.Th visibleFrom="md">History</Table.Th>
        </>
      }
    >
      {invitations.map((inv) => (
        <Table.Tr key={inv.id}>
          <Table.Td>
            <Text size="sm" title={formatFullDateTime(inv.createdAt)}>
              {formatDateTimeWithZone(inv.createdAt)}
            </Text>
          </Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/contacts/${inv.contactId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {inv.to ?? 'Contact'}
            </Anchor>
            {/* On phones the Touchpoint and Decision columns fold in here. */}
            <Stack gap={2} hiddenFrom="sm" mt={4} align="flex-start">
              <Text size="xs" c="dimmed" ff="monospace">
                {inv.touchpointKey}
              </Text>
              <Decision invitation={inv} />
            </Stack>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Text size="sm" ff="monospace">
              {inv.touchpointKey}
            </Text>
            <Text size="xs" c="dimmed">
              by {inv.channel}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Decision invitation={inv} />
          </Table.Td>
          <Table.Td visibleFrom="md">
            <Text size="xs" c="dimmed">
              {inv.history.map((h) => `${STATE_LABELS[h.state]} ${formatDateTimeWithZone(h.at)}`).join(' → ') || '—'}
            </Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function Decision({ invitation: inv }: { invitation: Invitation }) {
  return (
    <Stack gap={2} align="flex-start">
      <Badge color={STATE_COLOURS[inv.state]} variant="light" c="gray.9" style={{ flexShrink: 0 }}>
        {STATE_LABELS[inv.state]}
      </Badge>
      {inv.reason && <Text size="xs">{REASON_LABELS[inv.reason]}</Text>}
      {inv.lastError && (
        <Text size="xs" c="red.9">
          {inv.lastError}
        </Text>
      )}
    </Stack>
  );
}
