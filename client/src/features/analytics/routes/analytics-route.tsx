import { Badge, EmptyState, Grid, Paper, Stack } from '@mantine/core';
import { IconChartLine } from '@tabler/icons-react';

import { PageHeader } from '../../../components/page-header';
import { useBreakdown } from '../api/get-breakdown';
import { useChannels } from '../api/get-channels';
import { useHeatmap } from '../api/get-heatmap';
import { useSummary } from '../api/get-summary';
import { useTrend } from '../api/get-trend';
import { useLiveMetrics, type LiveState } from '../api/use-live-metrics';
import { ChannelConsistency } from '../components/channel-consistency';
import { FiltersBar } from '../components/filters-bar';
import { JourneyView } from '../components/journey-view';
import { MetricCard } from '../components/metric-card';
import { PanelState } from '../components/panel-state';
import { TrendChart } from '../components/trend-chart';
import { TouchpointHeatmap } from '../components/touchpoint-heatmap';
import { VerbatimsPanel } from '../components/verbatims-panel';
import { apiFilter, useDashboardFilters } from '../lib/filters';
import { TouchpointNamesProvider } from '../lib/touchpoint-names';

const LIVE: Record<LiveState, { color: string; label: string }> = {
  live: { color: 'teal', label: 'Live' },
  connecting: { color: 'gray', label: 'Connecting…' },
  offline: { color: 'red', label: 'Offline: reload to resume live updates' },
};

export function AnalyticsRoute() {
  const { filters, setFilters } = useDashboardFilters();
  const filter = apiFilter(filters);
  const live = useLiveMetrics();
  const summary = useSummary(filter);
  const trend = useTrend(filter, filters.granularity);
  const journey = useBreakdown(filter, 'touchpoint');
  const channels = useChannels(filter);
  // The heatmap always spans the twelve months up to the end of the selected range.
  const heatmap = useHeatmap({ ...filter, from: undefined });
  const nothingYet = summary.data && summary.data.dimensions.touchpoints.length === 0;
  const names = summary.data?.dimensions.touchpointNames ?? {};

  return (
    <TouchpointNamesProvider value={names}>
      <PageHeader
        title="Analytics"
        description="How customers rate each touchpoint and channel over time. Every score shows its number of responses and its 95% interval."
        action={
          <Badge color={LIVE[live].color} variant="light" role="status" aria-live="polite">
            {LIVE[live].label}
          </Badge>
        }
      />
      <FiltersBar
        filters={filters}
        dimensions={summary.data?.dimensions}
        period={summary.data?.period}
        onChange={setFilters}
      />
      {nothingYet ? (
        <Paper bg="white" p="xl">
          <EmptyState
            icon={<IconChartLine size={28} aria-hidden />}
            withIndicatorBackground
            title="No responses yet"
            description="Scores appear here as soon as customers answer a survey. This page updates by itself."
          />
        </Paper>
      ) : (
        <Stack gap="lg">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <PanelState query={summary} title="The headline figure" height={160}>
                {(data) => <MetricCard summary={data} />}
              </PanelState>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <PanelState query={trend} title="The trend" height={260}>
                {(data) => (
                  <TrendChart
                    trend={data}
                    granularity={filters.granularity}
                    onGranularity={(granularity) => setFilters({ granularity })}
                    subject={filters.touchpointId && (names[filters.touchpointId] ?? filters.touchpointId)}
                  />
                )}
              </PanelState>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PanelState query={journey} title="The journey" height={240}>
                {(data) => <JourneyView breakdown={data} />}
              </PanelState>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <PanelState query={channels} title="Channel consistency" height={240}>
                {(data) => <ChannelConsistency channels={data} />}
              </PanelState>
            </Grid.Col>
          </Grid>
          <PanelState query={heatmap} title="The heatmap" height={200}>
            {(data) => <TouchpointHeatmap heatmap={data} />}
          </PanelState>
          <VerbatimsPanel filter={filter} />
        </Stack>
      )}
    </TouchpointNamesProvider>
  );
}
