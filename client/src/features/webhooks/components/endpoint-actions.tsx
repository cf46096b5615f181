import { Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { WebhookEndpoint } from '@pulse/shared/schemas/webhooks';
import { useState } from 'react';

import { formatDateTime } from '../../../lib/format';
import { useEnableWebhook, useRecoverWebhook, useRotateWebhookSecret } from '../api/manage-webhook';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Rotate the secret (the new one shown once), enable a disabled endpoint, resend what failed since a day. */
export function EndpointActions({ endpoint }: { endpoint: WebhookEndpoint }) {
  const rotate = useRotateWebhookSecret(endpoint.id);
  const enable = useEnableWebhook(endpoint.id);
  const recover = useRecoverWebhook(endpoint.id);
  const [secret, setSecret] = useState<string | null>(null);
  const [since, setSince] = useState(daysAgo(3));
  return (
    <Stack gap="xs">
      {endpoint.previousSecretExpiresAt && (
        <Text size="sm" c="dimmed">
          Signed with the new and the previous secret until {formatDateTime(endpoint.previousSecretExpiresAt)}.
        </Text>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <Text size="sm" c="orange.9">
          Every delivery has failed since {formatDateTime(endpoint.failingSince)}; after three days the endpoint is
          disabled.
        </Text>
      )}
      <Group gap="xs" align="flex-end" wrap="wrap">
        {!endpoint.enabled && (
          <Button size="xs" loading={enable.isPending} onClick={() => enable.mutate()}>
            Enable again
          </Button>
        )}
        <Button
          size="xs"
          variant="default"
          loading={rotate.isPending}
          onClick={async () => setSecret((await rotate.mutateAsync(undefined)).secret)}
        >
          Rotate secret
        </Button>
        <TextInput
          size="xs"
          type="date"
          label="Recover failed deliveries since"
          value={since}
          max={daysAgo(0)}
          onChange={(e) => setSince(e.currentTarget.value)}
        />
        <Button
          size="xs"
          variant="default"
          disabled={!since || !endpoint.enabled}
          loading={recover.isPending}
          onClick={() => recover.mutate(new Date(`${since}T00:00:00`).toISOString())}
        >
          Recover
        </Button>
        {recover.data && (
          <Text size="sm" role="status">
            {recover.data.resent} failed deliver{recover.data.resent === 1 ? 'y' : 'ies'} sent again.
          </Text>
        )}
      </Group>
      <Modal
        opened={secret !== null}
        onClose={() => setSecret(null)}
        title="New signing secret"
        size="lg"
        closeOnClickOutside={false}
      >
        <Stack>
          <Text>
            Store this secret in your receiver now: it is shown only once. For the next 24 hours every request is signed
            with both the new and the previous secret, so either verifies.
          </Text>
          <Code block aria-label="The new secret">
            {secret}
          </Code>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSecret(null)}>
              I’ve saved the secret
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
