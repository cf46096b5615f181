import { Group, Paper, Stack, Text } from '@mantine/core';
import type { SummaryResponse } from '@pulse/shared/schemas/analytics';

import { formatCount, formatMean } from '../../../lib/format';
import { METRIC_LABELS } from '../lib/labels';
import { ChangeBadge } from './change-badge';
import { FigureValue } from './figure-value';

export function MetricCard({ summary }: { summary: SummaryResponse }) {
  const label = METRIC_LABELS[summary.kind];
  const { figure } = summary;
  return (
    <Paper bg="white" p="lg" h="100%">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{label.long}</Text>
          <Text size="xs" c="dimmed">
            {label.score}
          </Text>
        </div>
        <FigureValue kind={summary.kind} figure={figure} minResponses={summary.minResponses} size="xl2" />
        <ChangeBadge kind={summary.kind} change={summary.change} against="vs the previous period" />
        {figure.enough && (
          <Group gap="lg">
            {Object.entries(figure.bands).map(([band, count]) => (
              <Text key={band} size="xs">
                <Text span fw={600} tt="capitalize">
                  {band}
                </Text>{' '}
                {formatCount(count, 'answer')}
              </Text>
            ))}
          </Group>
        )}
        {figure.mean !== null && figure.meanInterval && (
          <Text size="xs" c="dimmed">
            Mean score {formatMean(figure.mean)} (95% CI {formatMean(figure.meanInterval.low)}–
            {formatMean(figure.meanInterval.high)}) on {summary.scale.min}–{summary.scale.max}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
