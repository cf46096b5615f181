import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ChannelsResponse } from '@pulse/shared/schemas/analytics';

import { formatChange, formatPValue } from '../../../lib/format';
import { useTouchpointLabel } from '../lib/touchpoint-names';
import { FigureValue } from './figure-value';

/** The same touchpoint per channel, side by side: customers expect one experience everywhere. */
export function ChannelConsistency({ channels }: { channels: ChannelsResponse }) {
  const touchpointLabel = useTouchpointLabel();
  return (
    <Paper bg="white" p="lg" h="100%">
      <Text fw={600} mb="sm">
        Channel consistency
      </Text>
      <Stack gap="md">
        {channels.touchpoints.map((row) => (
          <Stack key={row.touchpointId} gap={6}>
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {touchpointLabel(row.touchpointId)}
              </Text>
              {row.gap.significant && row.gap.difference !== null ? (
                <Badge color="orange" variant="light">
                  Gap {formatChange(channels.kind, row.gap.difference)}: {row.gap.worst} behind {row.gap.best} (
                  {formatPValue(row.gap.pValue!)})
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {row.channels.length > 1 ? 'No significant gap' : 'One channel'}
                </Text>
              )}
            </Group>
            <SimpleGrid cols={{ base: 2, sm: Math.max(2, row.channels.length) }} spacing="xs">
              {row.channels.map((c) => (
                <Paper key={c.channel} withBorder p="xs">
                  <Text size="xs" c="dimmed" tt="capitalize">
                    {c.channel}
                  </Text>
                  <FigureValue kind={channels.kind} figure={c.figure} minResponses={channels.minResponses} />
                </Paper>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
