import { Paper, Stack, Text } from '@mantine/core';
import type { Duration, Share } from '@pulse/shared/schemas/closed-loop';

import { formatHours, formatInteger, formatShare, formatShareInterval } from '../../../lib/format';

/** One tile of the report: a title, the figure, and always its n and 95% interval (or why there is none). */
function Tile({ title, value, detail }: { title: string; value: string; detail: string }) {
  return (
    <Paper bg="white" p="md" h="100%">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {title}
        </Text>
        <Text fw={700} fz={24} lh={1.2}>
          {value}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
    </Paper>
  );
}

export const shareText = (s: Share) =>
  s.share === null || !s.interval
    ? { value: '—', detail: 'n = 0: nothing to measure yet' }
    : {
        value: formatShare(s.share),
        detail: `${formatInteger(s.count)} of ${formatInteger(s.n)} · 95% CI ${formatShareInterval(s.interval)}`,
      };

export function ShareTile({ title, share }: { title: string; share: Share }) {
  return <Tile title={title} {...shareText(share)} />;
}

export function DurationTile({ title, duration }: { title: string; duration: Duration }) {
  if (duration.medianHours === null || !duration.medianInterval || duration.p90Hours === null || !duration.p90Interval)
    return <Tile title={title} value="—" detail="n = 0: no case got there yet" />;
  const range = (i: { low: number; high: number }) => `${formatHours(i.low)}–${formatHours(i.high)}`;
  return (
    <Tile
      title={title}
      value={`${formatHours(duration.medianHours)} median`}
      detail={`95% CI ${range(duration.medianInterval)} · p90 ${formatHours(duration.p90Hours)} (${range(duration.p90Interval)}) · n = ${formatInteger(duration.n)}`}
    />
  );
}
