import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { Contact } from '@pulse/shared/schemas/contacts';
import { Link } from 'react-router';

import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';

export const contactLabel = (c: Contact) => c.name ?? c.email ?? c.externalId ?? 'Erased contact';

export function ContactsTable({ contacts }: { contacts: Contact[] }) {
  return (
    <DataTable
      head={
        <>
          <Table.Th>Contact</Table.Th>
          <Table.Th visibleFrom="sm">External id</Table.Th>
          <Table.Th visibleFrom="md">Attributes</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th visibleFrom="sm">Last invited</Table.Th>
        </>
      }
    >
      {contacts.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Stack gap={0}>
              <Anchor component={Link} to={`/contacts/${c.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {contactLabel(c)}
              </Anchor>
              {c.name && c.email && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {c.email}
                </Text>
              )}
            </Stack>
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Text size="sm" ff="monospace" c={c.externalId ? undefined : 'dimmed'}>
              {c.externalId ?? '—'}
            </Text>
          </Table.Td>
          <Table.Td visibleFrom="md">
            <Text size="xs" c="dimmed">
              {Object.entries(c.attributes)
                .map(([key, value]) => `${key}: ${String(value)}`)
                .join(' · ') || '—'}
            </Text>
          </Table.Td>
          <Table.Td>
            {c.suppression ? (
              <Badge color="red" variant="light" c="gray.9">
                {c.suppression.reason}
              </Badge>
            ) : (
              <Badge color="teal" variant="light" c="gray.9">
                Can be asked
              </Badge>
            )}
          </Table.Td>
          <Table.Td visibleFrom="sm">
            <Text size="sm">{c.lastInvitedAt ? formatDateTime(c.lastInvitedAt) : '—'}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
