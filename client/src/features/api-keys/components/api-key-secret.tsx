import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconAlertTriangle } from '@tabler/icons-react';

/** The one and only time the full key is on screen. */
export function ApiKeySecret({ name, secret }: { name: string; secret: string }) {
  return (
    <Stack gap="md">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title="Copy this key now"
      >
        Pulse keeps only a fingerprint of <strong>{name}</strong>, so this is the only time you can see the full key.
        Store it in your secrets manager; if you lose it, revoke it and create another.
      </Alert>
      <Stack gap={6}>
        <Text size="sm" fw={500} id="api-key-secret-label">
          Your new API key
        </Text>
        <Code
          block
          data-testid="api-key-secret"
          aria-labelledby="api-key-secret-label"
          fz="sm"
          style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}
        >
          {secret}
        </Code>
      </Stack>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'filled'}
            color={copied ? 'teal' : undefined}
            leftSection={copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
            onClick={copy}
            aria-live="polite"
          >
            {copied ? 'Copied to clipboard' : 'Copy key'}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}
