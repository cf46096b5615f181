import { Box, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import type { CaughtMail } from '@pulse/shared/schemas/outbox';

import { formatFullDateTime, formatList, formatRelative } from '../../../lib/format';
import { LinkifiedText } from './linkified-text';

export function OutboxMessage({ message }: { message: CaughtMail }) {
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
        {message.html ? (
          <Tabs defaultValue="html" variant="outline">
            <Tabs.List>
              <Tabs.Tab value="html">As the recipient sees it</Tabs.Tab>
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <HtmlPart html={message.html} subject={message.subject} />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <TextPart text={message.text} />
            </Tabs.Panel>
          </Tabs>
        ) : (
          <TextPart text={message.text} />
        )}
      </Stack>
    </Paper>
  );
}

function TextPart({ text }: { text: string }) {
  return (
    <Box
      p="sm"
      bg="gray.0"
      fz="sm"
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <LinkifiedText text={text} />
    </Box>
  );
}

/**
 * The HTML part rendered as a mail client would, in a sandbox: no scripts, no same-origin access
 * to Pulse (so not to the session either), no forms. Links open in a new tab, outside the sandbox.
 */
function HtmlPart({ html, subject }: { html: string; subject: string }) {
  return (
    <iframe
      title={`The email “${subject}” as the recipient sees it`}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
      srcDoc={`<base target="_blank">${html}`}
      referrerPolicy="no-referrer"
      style={{
        width: '100%',
        height: 320,
        resize: 'vertical',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-sm)',
        background: 'white',
      }}
    />
  );
}
