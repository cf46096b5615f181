import { Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { Recovery, Share } from '@pulse/shared/schemas/closed-loop';

import { formatChange, formatInteger, formatPValue } from '../../../lib/format';
import { shareText } from './loop-stat';

function Side({ label, side, color }: { label: string; side: Share & { awaiting: number }; color: string }) {
  const text = shareText(side);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text fw={600}>{label}</Text>
        <Text fw={700} fz={22}>
          {text.value}
        </Text>
      </Group>
      <Progress value={(side.share ?? 0) * 100} color={color} aria-label={`${label}: ${text.value}`} />
      <Text size="xs" c="dimmed">
        {text.detail} · {formatInteger(side.awaiting)} not answered again yet
      </Text>
    </Stack>
  );
}

/** Did a closed case bring the customer back happier than no case at all? */
export function RecoveryPanel({ recovery }: { recovery: Recovery }) {
  const d = recovery.difference;
  return (
    <Paper bg="white" p="lg">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Recovery: next score in a better band
          </Title>
          {d.points !== null && d.interval && d.pValue !== null ? (
            <Badge color={d.significant ? (d.points > 0 ? 'teal' : 'red') : 'gray'} variant="light" tt="none">
              {formatChange('csat', d.points)} · 95% CI {formatChange('csat', d.interval.low)} to{' '}
              {formatChange('csat', d.interval.high)} · {formatPValue(d.pValue)}
              {d.significant ? '' : ' · not significant'}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Both groups need a later answer to compare
            </Badge>
          )}
        </Group>
        <Side label="Closed loop (case closed)" side={recovery.closedLoop} color="teal" />
        <Side label="No case" side={recovery.noCase} color="gray" />
        <Text size="xs" c="dimmed">
          Customers with a detractor answer in the period, followed to their next answer of this metric after the case
          closed (or, without a case, after that answer). A customer whose case is still open is in neither group.
        </Text>
      </Stack>
    </Paper>
  );
}
