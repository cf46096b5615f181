import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { SurveySummary } from '@pulse/shared/schemas/surveys';
import { Link } from 'react-router';

import { DataTable } from '../../../components/data-table';
import { formatRelative } from '../../../lib/format';
import { StatusBadge } from './status-badge';
import { KIND_LABELS } from './survey-labels';

export function SurveysTable({ surveys }: { surveys: SurveySummary[] }) {
  return (
    <DataTable
      head={
        <>
          <Table.Th>Survey</Table.Th>
          <Table.Th>Metric</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Version</Table.Th>
          <Table.Th>Languages</Table.Th>
          <Table.Th>Responses</Table.Th>
          <Table.Th>Updated</Table.Th>
        </>
      }
    >
      {surveys.map((s) => (
        <Table.Tr key={s.id}>
          <Table.Td>
            <Anchor component={Link} to={`/surveys/${s.id}`} fw={600}>
              {s.name}
            </Anchor>
          </Table.Td>
          <Table.Td>
            <Badge variant="outline" color="gray">
              {KIND_LABELS[s.kind]}
            </Badge>
          </Table.Td>
          <Table.Td>
            <StatusBadge status={s.status} />
          </Table.Td>
          <Table.Td>
            {s.currentVersion ? `v${s.currentVersion}` : '—'}
            {s.currentVersion && s.unpublishedChanges && (
              <Text span size="xs" c="dimmed">
                {' '}
                + edits
              </Text>
            )}
          </Table.Td>
          <Table.Td>{s.languages.join(', ')}</Table.Td>
          {/* Responses arrive with the responding flow; until then there is nothing to count. */}
          <Table.Td aria-label="No responses yet">—</Table.Td>
          <Table.Td>{formatRelative(s.updatedAt)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
