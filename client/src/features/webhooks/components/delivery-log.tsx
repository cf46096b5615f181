import { Badge, Button, Group, Paper, Space, Table, Text, Title } from '@mantine/core';
import type { WebhookEndpoint } from '@pulse/shared/schemas/webhooks';

import { DataTable } from '../../../components/data-table';
import { formatDateTime } from '../../../lib/format';
import { useDeliveries } from '../api/get-deliveries';
import { useWebhookTouchpoints } from '../api/get-touchpoints';
import { useSendTestWebhook } from '../api/send-test-webhook';
import { EndpointActions } from './endpoint-actions';

const COLOR = { pending: 'yellow', delivered: 'teal', failed: 'red' } as const;

export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const deliveries = useDeliveries(endpoint.id);
  const test = useSendTestWebhook(endpoint.id);
  const touchpoints = useWebhookTouchpoints();
  const nameOf = (id: string) =>
    touchpoints.data ? (touchpoints.data.touchpoints.find((t) => t.id === id)?.name ?? 'a deleted touchpoint') : '…';
  return (
    <Paper bg="white" p="md" component="section" aria-label={`Deliveries to ${endpoint.url}`}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h5" style={{ wordBreak: 'break-all' }}>
            {endpoint.url}
          </Title>
          <Text size="sm" c="dimmed">
            {endpoint.events.join(', ')}
          </Text>
          {endpoint.touchpointIds.length > 0 && (
            <Text size="sm" c="dimmed">
              Only about {endpoint.touchpointIds.map(nameOf).join(', ')}
            </Text>
          )}
          {!endpoint.enabled && (
            <Badge color="red" variant="light" mt={4}>
              Disabled
            </Badge>
          )}
          {!endpoint.enabled && endpoint.disabledReason && (
            <Text size="sm" c="red.8">
              {endpoint.disabledReason}
            </Text>
          )}
        </div>
        <Button
          size="xs"
          variant="light"
          loading={test.isPending}
          onClick={() => test.mutate()}
          disabled={!endpoint.enabled}
        >
          Send test event
        </Button>
      </Group>
      <EndpointActions endpoint={endpoint} />
      <Space h="sm" />
      {deliveries.data && deliveries.data.deliveries.length === 0 && <Text c="dimmed">Nothing sent yet.</Text>}
      {deliveries.data && deliveries.data.deliveries.length > 0 && (
        <DataTable
          head={
            <>
              <Table.Th>Event</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>When</Table.Th>
            </>
          }
        >
          {deliveries.data.deliveries.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm">{d.eventType}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {d.messageId}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={COLOR[d.state]} variant="light">
                  {d.state}
                </Badge>
                <Text size="xs" c="dimmed">
                  {d.attempts} attempt{d.attempts === 1 ? '' : 's'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {d.lastStatus ?? d.lastError ?? '—'}
                  {d.lastLatencyMs !== null ? ` · ${d.lastLatencyMs} ms` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(d.deliveredAt ?? d.createdAt)}</Text>
                {d.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    next try {formatDateTime(d.nextAttemptAt)}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Paper>
  );
}
