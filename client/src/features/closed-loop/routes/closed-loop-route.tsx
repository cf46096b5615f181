import {
  Grid,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatInteger } from '../../../lib/format';
import { useClosedLoop, useLoopTouchpoints } from '../api/get-closed-loop';
import { DurationTile, shareText, ShareTile } from '../components/loop-stat';
import { RecoveryPanel } from '../components/recovery-panel';
import { useLoopFilters } from '../lib/filters';

export function ClosedLoopRoute() {
  const { filters, setFilters } = useLoopFilters();
  const report = useClosedLoop(filters);
  const touchpoints = useLoopTouchpoints();
  const nameOf = (id: string) =>
    id === '-' ? 'No touchpoint' : (touchpoints.data?.touchpoints.find((t) => t.id === id)?.name ?? id);
  const data = report.data;

  return (
    <>
      <PageHeader
        title="Closed loop"
        description="Did following up work? Detractors who got a case, how fast the team answered and closed, and whether those customers came back happier than those nobody called. Every figure shows its n and its 95% interval."
      />
      <Paper bg="white" p="md" mb="lg">
        <Group gap="sm" align="flex-end">
          <SegmentedControl
            value={filters.kind}
            onChange={(kind) => setFilters({ kind: kind as MetricKind })}
            data={[
              { value: 'nps', label: 'NPS' },
              { value: 'csat', label: 'CSAT' },
              { value: 'ces', label: 'CES' },
            ]}
            aria-label="Metric"
          />
          <TextInput
            type="date"
            label="From"
            value={filters.from ?? data?.period.from ?? ''}
            onChange={(e) => setFilters({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label="To"
            value={filters.to ?? data?.period.to ?? ''}
            onChange={(e) => setFilters({ to: e.currentTarget.value || undefined })}
          />
          <NativeSelect
            label="Touchpoint"
            data={[
              { value: '', label: 'All touchpoints' },
              ...(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name })),
            ]}
            value={filters.touchpointId ?? ''}
            onChange={(e) => setFilters({ touchpointId: e.currentTarget.value || undefined })}
          />
        </Group>
      </Paper>
      {report.isPending ? (
        <TableSkeleton label="Loading the closed-loop report" rows={4} />
      ) : report.isError && !data ? (
        <ErrorState error={report.error} title="The report could not be loaded" onRetry={() => report.refetch()} />
      ) : data ? (
        <Stack gap="lg">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <ShareTile
                title={`Detractors with a case (${formatInteger(data.overall.detractors)} detractors)`}
                share={data.overall.withCase}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <DurationTile title="Time to first response" duration={data.overall.firstResponse} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <DurationTile title="Time to close" duration={data.overall.close} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <ShareTile title="Resolved within SLA" share={data.overall.withinSla} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, lg: 4 }}>
              <ShareTile title="Reopened" share={data.overall.reopened} />
            </Grid.Col>
          </Grid>
          <RecoveryPanel recovery={data.overall.recovery} />
          <Paper bg="white" p="lg">
            <Title order={3} size="h4" mb="sm">
              Per touchpoint
            </Title>
            {data.touchpoints.length === 0 ? (
              <Text c="dimmed">No detractor answers in this period.</Text>
            ) : (
              // Six columns do not fit a phone: the table scrolls sideways instead of squeezing them.
              <Table.ScrollContainer minWidth={760}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Touchpoint</Table.Th>
                      <Table.Th>Detractors</Table.Th>
                      <Table.Th>With a case</Table.Th>
                      <Table.Th>Within SLA</Table.Th>
                      <Table.Th>Recovered (closed loop)</Table.Th>
                      <Table.Th>Recovered (no case)</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.touchpoints.map((t) => (
                      <Table.Tr key={t.touchpointId}>
                        <Table.Td>{nameOf(t.touchpointId)}</Table.Td>
                        <Table.Td>{formatInteger(t.detractors)}</Table.Td>
                        {[t.withCase, t.withinSla, t.recovery.closedLoop, t.recovery.noCase].map((s, i) => (
                          <Table.Td key={i}>
                            <Text size="sm">{shareText(s).value}</Text>
                            <Text size="xs" c="dimmed">
                              {shareText(s).detail}
                            </Text>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
          <Text size="xs" c="dimmed">
            Methods: shares — {data.methods.share}; times — {data.methods.duration}; recovery difference —{' '}
            {data.methods.difference}. Period {data.period.from} to {data.period.to} ({data.timeZone}).
          </Text>
        </Stack>
      ) : null}
    </>
  );
}
