import { Box, Paper, Table, Text } from '@mantine/core';
import type { Figure, HeatmapResponse } from '@pulse/shared/schemas/analytics';

import { formatInterval, formatScore } from '../../../lib/format';
import { useTouchpointLabel } from '../lib/touchpoint-names';

/** Five steps from weak to strong; text on each keeps 4.5:1 contrast. */
const STEPS = [
  { bg: 'var(--mantine-color-red-2)', label: 'weak' },
  { bg: 'var(--mantine-color-orange-1)', label: 'below average' },
  { bg: 'var(--mantine-color-yellow-1)', label: 'middling' },
  { bg: 'var(--mantine-color-teal-1)', label: 'good' },
  { bg: 'var(--mantine-color-teal-3)', label: 'strong' },
];

function step(kind: string, score: number) {
  const share = kind === 'nps' ? (score + 100) / 200 : score / 100;
  return STEPS[Math.min(STEPS.length - 1, Math.floor(share * STEPS.length))]!;
}

function Cell({ kind, figure, label }: { kind: string; figure: Figure; label: string }) {
  if (figure.score === null || !figure.interval) {
    return (
      <Table.Td ta="center" c="dimmed" title={`${label}: not enough responses (n = ${figure.n})`}>
        –
      </Table.Td>
    );
  }
  const s = step(kind, figure.score);
  return (
    <Table.Td
      ta="center"
      fw={600}
      bg={s.bg}
      title={`${label}: ${formatScore(kind as 'nps', figure.score)}, 95% CI ${formatInterval(kind as 'nps', figure.interval)}, n = ${figure.n} (${s.label})`}
    >
      {formatScore(kind as 'nps', figure.score)}
    </Table.Td>
  );
}

/** Touchpoint × month, as a table: where and when the experience dipped. Thin cells show a dash. */
export function TouchpointHeatmap({ heatmap }: { heatmap: HeatmapResponse }) {
  const touchpointLabel = useTouchpointLabel();
  return (
    <Paper bg="white" p="lg">
      <Text fw={600} mb="sm" id="heatmap-title">
        Touchpoints by month
      </Text>
      <Box style={{ overflowX: 'auto' }}>
        <Table withColumnBorders fz="xs" aria-labelledby="heatmap-title" miw={heatmap.months.length * 56 + 120}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Touchpoint</Table.Th>
              {heatmap.months.map((m) => (
                <Table.Th scope="col" key={m} ta="center">
                  {m}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {heatmap.rows.map((row) => (
              <Table.Tr key={row.touchpointId}>
                <Table.Th scope="row">{touchpointLabel(row.touchpointId)}</Table.Th>
                {row.cells.map((c) => (
                  <Cell
                    key={c.month}
                    kind={heatmap.kind}
                    figure={c.figure}
                    label={`${touchpointLabel(row.touchpointId)}, ${c.month}`}
                  />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Text size="xs" c="dimmed" mt="xs">
        A dash: fewer than {heatmap.minResponses} responses that month. Hover a cell for its interval and n.
      </Text>
    </Paper>
  );
}
