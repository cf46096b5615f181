import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import type { AlertCondition } from '@pulse/shared/schemas/alerts';

import { errorMessage } from '../../../lib/api-client';
import { formatDate, formatInteger } from '../../../lib/format';
import { usePreviewAlertRule } from '../api/preview-alert-rule';

/**
 * "Test against the last 30 days": what the conditions as typed would have caught, before anyone
 * is mailed. The reply says how many responses were read, so a capped period is never a surprise.
 */
export function RulePreview({ groups }: { groups: AlertCondition[][] }) {
  const preview = usePreviewAlertRule();
  // A result for other conditions than those on screen would mislead: it is shown only while they match.
  const stale = preview.data !== undefined && JSON.stringify(preview.variables) !== JSON.stringify(groups);
  const result = stale ? undefined : preview.data;
  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          leftSection={<IconFlask size={18} aria-hidden />}
          disabled={groups.length === 0 || groups.some((g) => g.length === 0)}
          loading={preview.isPending}
          onClick={() => preview.mutate(groups)}
        >
          Test against the last 30 days
        </Button>
      </Group>
      {preview.isError && (
        <Alert color="red" title="The test could not run">
          {errorMessage(preview.error)}
        </Alert>
      )}
      {stale && (
        <Text size="sm" c="dimmed">
          The conditions changed: test again to see what they catch.
        </Text>
      )}
      {result && (
        <Stack gap={4} aria-live="polite">
          <Text fw={600}>
            {formatInteger(result.matched)} of {formatInteger(result.evaluated)} responses in the last {result.days}{' '}
            days would have fired this rule
          </Text>
          {result.capped && (
            <Text size="sm" c="dimmed">
              Only the {formatInteger(result.cap)} most recent responses were tested.
            </Text>
          )}
          {result.samples.length > 0 && (
            // Scrolls sideways on a phone rather than squeezing the score badge to "2…".
            <Table.ScrollContainer minWidth={560}>
              <Table striped withTableBorder fz="sm" aria-label="Responses this rule would have caught">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Score</Table.Th>
                    <Table.Th>Touchpoint</Table.Th>
                    <Table.Th>Comment</Table.Th>
                    <Table.Th>Answered</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {result.samples.map((s) => (
                    <Table.Tr key={s.responseId}>
                      <Table.Td>
                        <Badge variant="light" color={s.band === 'detractor' || s.band === 'low' ? 'red' : 'gray'}>
                          {s.score} · {s.band}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{s.touchpointKey ?? '—'}</Table.Td>
                      <Table.Td>{s.comment ?? <Text c="dimmed">no comment</Text>}</Table.Td>
                      <Table.Td>{formatDate(s.answeredAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Stack>
  );
}
