import { Group, Stack, Text, type MantineSize } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { Figure } from '@pulse/shared/schemas/analytics';

import { formatCount, formatInterval, formatScore } from '../../../lib/format';

interface FigureValueProps {
  kind: MetricKind;
  figure: Figure;
  minResponses: number;
  size?: MantineSize | 'xl2';
}

/** A score as the dashboard always shows it: the number, its 95% interval and its n — or why there is none. */
export function FigureValue({ kind, figure, minResponses, size = 'md' }: FigureValueProps) {
  if (!figure.enough || figure.score === null || !figure.interval) {
    return (
      <Stack gap={0}>
        <Text fw={600} size={size === 'xl2' ? 'lg' : 'sm'}>
          Not enough responses
        </Text>
        <Text size="xs" c="dimmed">
          {formatCount(figure.n, 'response')} of the {minResponses} needed
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <Group gap={6} align="baseline">
        <Text fw={700} fz={size === 'xl2' ? 40 : size === 'lg' ? 24 : 18} lh={1.1}>
          {formatScore(kind, figure.score)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        95% CI {formatInterval(kind, figure.interval)} · n = {figure.n.toLocaleString()}
      </Text>
    </Stack>
  );
}
