import { Badge, Text, Tooltip } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { Change } from '@pulse/shared/schemas/analytics';
import { IconArrowDownRight, IconArrowUpRight } from '@tabler/icons-react';

import { formatChange, formatInterval, formatPValue } from '../../../lib/format';

/** A change is flagged only when it is significant; otherwise the card says so in plain words. */
export function ChangeBadge({ kind, change, against }: { kind: MetricKind; change: Change; against: string }) {
  if (change.difference === null) {
    return (
      <Text size="xs" c="dimmed">
        Not enough responses {against} to compare
      </Text>
    );
  }
  if (!change.significant) {
    return (
      <Text size="xs" c="dimmed">
        No significant change {against} ({formatChange(kind, change.difference)}, {formatPValue(change.pValue!)})
      </Text>
    );
  }
  const up = change.direction === 'up';
  const Icon = up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Tooltip
      label={`95% CI of the change: ${formatInterval(kind, change.interval!)} · ${formatPValue(change.pValue!)}`}
    >
      <Badge
        color={up ? 'teal.8' : 'red.8'}
        variant="light"
        leftSection={<Icon size={14} aria-hidden />}
        tabIndex={0}
        aria-label={`Significant ${up ? 'rise' : 'fall'} of ${formatChange(kind, change.difference)} ${against}, ${formatPValue(change.pValue!)}`}
      >
        {formatChange(kind, change.difference)} {against}
      </Badge>
    </Tooltip>
  );
}
