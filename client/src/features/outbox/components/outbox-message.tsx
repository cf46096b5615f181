import { Alert, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { OutboxMessage as Message } from '@pulse/shared/schemas/outbox';

import { formatFullDateTime, formatList, formatRelative } from '../../../lib/format';
import { LinkifiedText } from './linkified-text';

export function OutboxMessage({ message }: { message: Message }) {
  return (
    <Paper component="article" bg="white" p={{ base: 'md', sm: 'lg' }} aria-labelledby={`mail-${message.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={2} size="h5" id={`mail-${message.id}`}>
            {message.subject || '(no subject)'}
          </Title>
          <Text size="xs" c="dimmed" title={formatFullDateTime(message.receivedAt)}>
            <time dateTime={message.receivedAt}>{formatRelative(message.receivedAt)}</time>
          </Text>
        </Group>
        <Box fz="sm">
          <Text size="sm" span c="dimmed">
            To{' '}
          </Text>
          <Text size="sm" span>
            {formatList(message.to)}
          </Text>
          <Text size="sm" span c="dimmed">
            {' '}
            · from {message.from}
          </Text>
        </Box>
        {message.state === 'failed' && (
          <Alert color="red" variant="light" title="Not delivered: Pulse gave up after every attempt failed">
            {message.lastError}
          </Alert>
        )}
        <Box
          p="sm"
          bg="gray.0"
          fz="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 'var(--mantine-radius-sm)' }}
        >
          <LinkifiedText text={message.text} />
        </Box>
      </Stack>
    </Paper>
  );
}
