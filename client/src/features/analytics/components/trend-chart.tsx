import { Group, Paper, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import type { Granularity } from '@pulse/shared/metrics/calendar';
import type { TrendResponse } from '@pulse/shared/schemas/analytics';

import { formatInterval, formatScore } from '../../../lib/format';

interface TrendChartProps {
  trend: TrendResponse;
  granularity: Granularity;
  onGranularity: (g: Granularity) => void;
  /** What the line is for when the filters narrow it (a touchpoint's name); all answers otherwise. */
  subject?: string;
}

const W = 640;
const H = 240;
const M = { top: 10, right: 12, bottom: 26, left: 44 };

/**
 * The score per bucket as a line with its 95% interval as a band; buckets short of answers leave
 * a gap. Drawn as plain SVG on purpose: recharts alone is ~130 KB gzip, which would push the
 * dashboard's first load past its 250 KB budget.
 */
export function TrendChart({ trend, granularity, onGranularity, subject }: TrendChartProps) {
  const [lo, hi] = trend.kind === 'nps' ? [-100, 100] : [0, 100];
  const ticks = trend.kind === 'nps' ? [-100, -50, 0, 50, 100] : [0, 25, 50, 75, 100];
  const n = trend.points.length;
  const x = (i: number) => M.left + (n <= 1 ? 0.5 : i / (n - 1)) * (W - M.left - M.right);
  const y = (v: number) => M.top + ((hi - v) / (hi - lo)) * (H - M.top - M.bottom);
  // Consecutive buckets with a score form one run: a line and a band each, gaps in between.
  const runs: { i: number; score: number; low: number; high: number }[][] = [];
  trend.points.forEach((p, i) => {
    if (p.figure.score === null || !p.figure.interval) return void runs.push([]);
    if (runs.length === 0) runs.push([]);
    runs.at(-1)!.push({ i, score: p.figure.score, low: p.figure.interval.low, high: p.figure.interval.high });
  });
  const labelEvery = Math.max(1, Math.ceil(n / 7));
  return (
    <Paper bg="white" p="lg" h="100%">
      <Group justify="space-between" mb="sm">
        <Text fw={600} id="trend-title">
          Trend with 95% interval{subject ? `: ${subject}` : ''}
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
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="trend-title" style={{ display: 'block' }}>
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(t)}
              y2={y(t)}
              stroke="var(--mantine-color-gray-3)"
              strokeDasharray={t === 0 ? undefined : '4 4'}
            />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-7)">
              {formatScore(trend.kind, t)}
            </text>
          </g>
        ))}
        {trend.points.map((p, i) =>
          i % labelEvery === 0 || i === n - 1 ? (
            <text
              key={p.bucket}
              x={x(i)}
              y={H - 8}
              textAnchor="middle"
              fontSize={11}
              fill="var(--mantine-color-gray-7)"
            >
              {p.bucket}
            </text>
          ) : null,
        )}
        {runs
          .filter((run) => run.length > 0)
          .map((run) => (
            <g key={run[0]!.i}>
              <polygon
                points={[
                  ...run.map((r) => `${x(r.i)},${y(r.high)}`),
                  ...[...run].reverse().map((r) => `${x(r.i)},${y(r.low)}`),
                ].join(' ')}
                fill="var(--mantine-color-indigo-2)"
                fillOpacity={0.7}
              />
              <polyline
                points={run.map((r) => `${x(r.i)},${y(r.score)}`).join(' ')}
                fill="none"
                stroke="var(--mantine-color-indigo-8)"
                strokeWidth={2}
              />
              {run.map((r) => (
                <circle key={r.i} cx={x(r.i)} cy={y(r.score)} r={3} fill="var(--mantine-color-indigo-8)">
                  <title>
                    {`${trend.points[r.i]!.bucket}: ${formatScore(trend.kind, r.score)}, 95% CI ${formatInterval(trend.kind, r)}, n = ${trend.points[r.i]!.figure.n}`}
                  </title>
                </circle>
              ))}
            </g>
          ))}
      </svg>
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
        Shaded: the 95% interval. Buckets with fewer than {trend.minResponses} responses are left blank. Days in{' '}
        {trend.timeZone}.
      </Text>
    </Paper>
  );
}
