import { Stack, Text } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { SharedFigure } from '@pulse/shared/schemas/shared-results';

import { formatInteger, formatInterval, formatScore } from '../../../lib/format';

/** A shared figure: the score with its interval and n, "not enough" below the dashboard's minimum, or suppressed. */
export function SharedFigureValue({
  kind,
  figure,
  minGroupSize,
}: {
  kind: MetricKind;
  figure: SharedFigure;
  minGroupSize: number;
}) {
  if (figure.suppressed)
    return (
      <Text size="sm" c="dimmed">
        Hidden: fewer than {formatInteger(minGroupSize)} responses
      </Text>
    );
  if (figure.score === null || !figure.interval)
    return (
      <Text size="sm" c="dimmed">
        Not enough responses for a score · n = {formatInteger(figure.n)}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text fw={700} fz={24} lh={1.2}>
        {formatScore(kind, figure.score)}
      </Text>
      <Text size="xs" c="dimmed">
        95% CI {formatInterval(kind, figure.interval)} · n = {formatInteger(figure.n)}
      </Text>
    </Stack>
  );
}
