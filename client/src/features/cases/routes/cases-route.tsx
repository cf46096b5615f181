import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatDateTime } from '../../../lib/format';
import { useCases, type CaseView } from '../api/get-cases';
import { STATUS_COLORS, STATUS_LABELS } from '../components/case-labels';

const VIEWS: Array<{ value: CaseView; label: string }> = [
  { value: 'open', label: 'Open' },
  { value: 'mine', label: 'Mine' },
  { value: 'team', label: 'My team' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'all', label: 'All' },
];

export function CasesRoute() {
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.find((v) => v.value === params.get('view'))?.value ?? 'open') as CaseView;
  const cases = useCases(view);
  return (
    <>
      <PageHeader
        title="Cases"
        description="Follow-ups on what customers said: reply, fix the cause, close the loop."
        action={
          <SegmentedControl
            aria-label="Which cases"
            value={view}
            data={VIEWS}
            onChange={(v) => setParams(v === 'open' ? {} : { view: v })}
          />
        }
      />
      <QueryContent
        query={cases}
        skeleton={<TableSkeleton label="Loading cases" />}
        errorTitle="Cases could not be loaded"
        empty={{
          when: (d) => d.cases.length === 0,
          icon: IconInbox,
          title: view === 'overdue' ? 'Nothing overdue' : view === 'team' ? 'Nothing for your teams' : 'No cases here',
          description:
            'Alert rules open cases when a customer needs a follow-up; you can also open one from a response.',
        }}
      >
        {(d) => (
          <Paper bg="white">
            {/* Comments need room: on a phone the inbox scrolls sideways rather than squeeze them. */}
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Case</Table.Th>
                    <Table.Th>Customer said</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Due</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.cases.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/cases/${c.id}`} fw={600}>
                          Case {c.number}
                        </Anchor>
                        <Text size="sm" c="dimmed">
                          {c.snapshot.contactName ?? c.snapshot.contactEmail ?? 'Anonymous'}
                        </Text>
                      </Table.Td>
                      <Table.Td maw={420}>
                        <Text size="sm">
                          <Text span fw={700}>
                            {c.snapshot.score}
                          </Text>{' '}
                          ({c.snapshot.band}){c.snapshot.touchpointKey ? ` · ${c.snapshot.touchpointKey}` : ''}
                        </Text>
                        {c.snapshot.comment && (
                          <Text size="sm" lineClamp={2}>
                            “{c.snapshot.comment}”
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} preventGrowOverflow={false}>
                          <Badge color={STATUS_COLORS[c.status]} variant="light">
                            {STATUS_LABELS[c.status]}
                          </Badge>
                          <Badge
                            color={c.priority === 'urgent' || c.priority === 'high' ? 'red' : 'gray'}
                            variant="outline"
                          >
                            {c.priority}
                          </Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c={c.overdue ? 'red.8' : undefined} fw={c.overdue ? 700 : undefined}>
                          {c.overdue ? 'Overdue since ' : ''}
                          {formatDateTime(c.dueAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryContent>
    </>
  );
}
