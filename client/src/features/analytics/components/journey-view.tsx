import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { BreakdownResponse } from '@pulse/shared/schemas/analytics';

import { useTouchpointLabel } from '../lib/touchpoint-names';
import { ChangeBadge } from './change-badge';
import { FigureValue } from './figure-value';

/** Position of a value on the metric's full range, for the interval bars. */
const at = (kind: string, value: number) => (kind === 'nps' ? (value + 100) / 2 : value);

/**
 * Touchpoints in journey order with their scores and intervals; the weakest one (lowest score
 * among those with enough answers) is highlighted. The order is the touchpoints' own until
 * distribution provides journey positions.
 */
export function JourneyView({ breakdown }: { breakdown: BreakdownResponse }) {
  const touchpointLabel = useTouchpointLabel();
  const scored = breakdown.groups.filter((g) => g.figure.score !== null);
  const weakest = scored.length > 1 ? scored.reduce((a, b) => (b.figure.score! < a.figure.score! ? b : a)) : undefined;
  return (
    <Paper bg="white" p="lg" h="100%">
      <Text fw={600} mb="sm">
        Journey
      </Text>
      <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {breakdown.groups.map((group) => {
          const isWeakest = group === weakest;
          const interval = group.figure.interval;
          return (
            <Box
              component="li"
              key={group.key}
              p="sm"
              bd={isWeakest ? '2px solid var(--mantine-color-red-7)' : '1px solid var(--mantine-color-gray-3)'}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text fw={600}>{touchpointLabel(group.key)}</Text>
                    {isWeakest && (
                      <Badge color="red" variant="light">
                        Weakest
                      </Badge>
                    )}
                  </Group>
                  <ChangeBadge kind={breakdown.kind} change={group.change} against="vs before" />
                </Stack>
                <FigureValue kind={breakdown.kind} figure={group.figure} minResponses={breakdown.minResponses} />
              </Group>
              {interval && (
                <Box pos="relative" h={6} mt="xs" bg="gray.2" style={{ borderRadius: 3 }} aria-hidden>
                  <Box
                    pos="absolute"
                    h={6}
                    bg={isWeakest ? 'red.6' : 'indigo.5'}
                    style={{
                      left: `${at(breakdown.kind, interval.low)}%`,
                      width: `${at(breakdown.kind, interval.high) - at(breakdown.kind, interval.low)}%`,
                      borderRadius: 3,
                    }}
                  />
                </Box>
              )}
            </Box>
          );
        })}
      </Stack>
    </Paper>
  );
}
