import { Badge, Paper, Table, Text } from '@mantine/core';
import type { SharedLink } from '@pulse/shared/schemas/shared-results';
import { IconBan, IconShare } from '@tabler/icons-react';

import { ActionsHeader, DataTable } from '../../../components/data-table';
import { DangerAction } from '../../../components/danger-action';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatDate, isPast } from '../../../lib/format';
import { useRevokeSharedLink, useSharedLinks } from '../api/shared-links';
import { CreateLinkForm } from '../components/create-link-form';

function state(link: SharedLink) {
  if (link.revokedAt) return <Badge color="gray">Revoked</Badge>;
  if (link.expiresAt && isPast(link.expiresAt)) return <Badge color="gray">Expired</Badge>;
  return <Badge color="teal">{link.expiresAt ? `Until ${formatDate(link.expiresAt)}` : 'No expiry'}</Badge>;
}

export function SharedLinksRoute() {
  const links = useSharedLinks();
  const revoke = useRevokeSharedLink();
  return (
    <>
      <PageHeader
        title="Shared results"
        description="Read-only pages of aggregate figures for people without an account. Groups smaller than the minimum show no figure; comments only when you choose."
      />
      <CreateLinkForm />
      <QueryContent
        query={links}
        skeleton={<TableSkeleton label="Loading shared links" />}
        errorTitle="Shared links could not be loaded"
        empty={{
          when: (data) => data.links.length === 0,
          icon: IconShare,
          title: 'No shared pages yet',
          description: 'Create one above; revoke it here whenever it should stop working.',
        }}
      >
        {(data) => (
          <Paper bg="white">
            <DataTable
              head={
                <>
                  <Table.Th>Page</Table.Th>
                  <Table.Th>Shows</Table.Th>
                  <Table.Th>State</Table.Th>
                  <ActionsHeader />
                </>
              }
            >
              {data.links.map((link) => (
                <Table.Tr key={link.id}>
                  <Table.Td>{link.name}</Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {link.selection.kind.toUpperCase()} ·{' '}
                      {link.selection.lastDays
                        ? `last ${link.selection.lastDays} days`
                        : `${link.selection.from} to ${link.selection.to}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {link.selection.touchpointIds.length || 'All'} touchpoints · min. group {link.minGroupSize}
                      {link.showComments ? ' · comments shown' : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{state(link)}</Table.Td>
                  <Table.Td>
                    {!link.revokedAt && (
                      <DangerAction
                        text="Revoke"
                        label={`Revoke ${link.name}`}
                        icon={IconBan}
                        onClick={() => revoke.mutate(link.id)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </Paper>
        )}
      </QueryContent>
    </>
  );
}
