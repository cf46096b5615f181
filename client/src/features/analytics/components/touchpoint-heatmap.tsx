import { MatrixChart } from '@mantine/charts';
import { Paper, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import type { HeatmapResponse } from '@pulse/shared/schemas/analytics';

import { formatInterval, formatScore } from '../../../lib/format';
import { dimensionLabel } from '../lib/labels';

/** Touchpoint × month: where and when the experience dipped. Thin cells stay empty. */
export function TouchpointHeatmap({ heatmap }: { heatmap: HeatmapResponse }) {
  const data = heatmap.rows.flatMap((row) =>
    row.cells.map((cell) => ({ x: cell.month, y: dimensionLabel(row.touchpointId), value: cell.figure.score })),
  );
  const lookup = new Map(
    heatmap.rows.flatMap((row) => row.cells.map((c) => [`${dimensionLabel(row.touchpointId)}|${c.month}`, c.figure])),
  );
  return (
    <Paper bg="white" p="lg">
      <Text fw={600} mb="sm">
        Touchpoints by month
      </Text>
      <ScrollArea>
        <MatrixChart
          data={data}
          xLabels={heatmap.months}
          yLabels={heatmap.rows.map((r) => dimensionLabel(r.touchpointId))}
          withXLabels
          withYLabels
          yLabelsWidth={120}
          xLabelsHeight={56}
          cellSize={36}
          domain={heatmap.kind === 'nps' ? [-100, 100] : [0, 100]}
          colors={['red.6', 'orange.4', 'yellow.3', 'teal.4', 'teal.7']}
          emptyColor="gray.1"
          withTooltip
          withLegend
          legendLabels={['Lower', 'Higher']}
          aria-hidden
          getTooltipLabel={(cell) => {
            const figure = lookup.get(`${cell.y}|${cell.x}`);
            if (!figure || figure.score === null || !figure.interval)
              return `${cell.y}, ${cell.x}: not enough responses (n = ${figure?.n ?? 0})`;
            return `${cell.y}, ${cell.x}: ${formatScore(heatmap.kind, figure.score)} (95% CI ${formatInterval(heatmap.kind, figure.interval)}, n = ${figure.n})`;
          }}
        />
      </ScrollArea>
      <VisuallyHidden>
        <table>
          <caption>Score per touchpoint and month</caption>
          <thead>
            <tr>
              <th scope="col">Touchpoint</th>
              {heatmap.months.map((m) => (
                <th scope="col" key={m}>
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.rows.map((row) => (
              <tr key={row.touchpointId}>
                <th scope="row">{dimensionLabel(row.touchpointId)}</th>
                {row.cells.map((c) => (
                  <td key={c.month}>
                    {c.figure.score === null
                      ? `not enough responses (n = ${c.figure.n})`
                      : `${formatScore(heatmap.kind, c.figure.score)}, n = ${c.figure.n}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </Paper>
  );
}
