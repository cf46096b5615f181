import { AreaChart } from '@mantine/charts';
import { Paper, SegmentedControl, Group, Text, VisuallyHidden } from '@mantine/core';
import type { Granularity } from '@pulse/shared/metrics/calendar';
import type { TrendResponse } from '@pulse/shared/schemas/analytics';

import { formatInterval, formatScore } from '../../../lib/format';

interface TrendChartProps {
  trend: TrendResponse;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
}

/** The score per bucket as a line with its 95% interval as a band; thin buckets leave a gap. */
export function TrendChart({ trend, granularity, onGranularity }: TrendChartProps) {
  const data = trend.points.map((p) => ({
    bucket: p.bucket,
    score: p.figure.score,
    interval: p.figure.interval ? [p.figure.interval.low, p.figure.interval.high] : null,
    n: p.figure.n,
  }));
  const domain: [number, number] = trend.kind === 'nps' ? [-100, 100] : [0, 100];
  return (
    <Paper bg="white" p="lg" h="100%">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="trend-title">
          Trend with 95% interval
        </Text>
        <SegmentedControl
          size="xs"
          value={granularity}
          onChange={(value) => onGranularity(value as Granularity)}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
            { value: 'month', label: 'Month' },
          ]}
          aria-label="Trend granularity"
        />
      </Group>
      <AreaChart
        h={260}
        data={data}
        dataKey="bucket"
        aria-labelledby="trend-title"
        series={[
          { name: 'interval', label: '95% interval', color: 'indigo.3' },
          { name: 'score', label: 'Score', color: 'indigo.8' },
        ]}
        areaProps={(series) => (series.name === 'score' ? { fillOpacity: 0 } : { strokeOpacity: 0, fillOpacity: 0.35 })}
        withDots={false}
        connectNulls={false}
        curveType="linear"
        yAxisProps={{ domain }}
        valueFormatter={(v) =>
          Array.isArray(v) ? formatInterval(trend.kind, { low: v[0], high: v[1] }) : formatScore(trend.kind, v)
        }
      />
      <VisuallyHidden>
        <table>
          <caption>Score per {granularity}</caption>
          <tbody>
            {trend.points.map((p) => (
              <tr key={p.bucket}>
                <th scope="row">{p.bucket}</th>
                <td>
                  {p.figure.score === null || !p.figure.interval
                    ? `not enough responses (n = ${p.figure.n})`
                    : `${formatScore(trend.kind, p.figure.score)}, 95% CI ${formatInterval(trend.kind, p.figure.interval)}, n = ${p.figure.n}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
      <Text size="xs" c="dimmed" mt="xs">
        Buckets with fewer than {trend.minResponses} responses are left blank. Days in {trend.timeZone}.
      </Text>
    </Paper>
  );
}
