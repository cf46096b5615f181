import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { AlertFiring } from '@pulse/shared/schemas/alerts';
import { IconBellOff } from '@tabler/icons-react';
import { Link } from 'react-router';

import { DataTable } from '../../../components/data-table';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { formatDateTime } from '../../../lib/format';
import { LoadMore } from '../../../components/load-more';
import { useAlertFirings } from '../api/get-alert-firings';

const STATE_COLOR: Record<string, string> = { sent: 'green', delivered: 'green', failed: 'red', skipped: 'gray' };

/** One channel's outcome as a line: "ana@example.com: sent", "chat: failed (HTTP 500)". */
function ChannelLine({ channel, state, detail }: { channel: string; state: string; detail: string | null }) {
  return (
    <Text size="sm">
      {channel}:{' '}
      <Text span c={STATE_COLOR[state] === 'red' ? 'red.9' : undefined} fw={600}>
        {state}
      </Text>
      {detail && state !== 'sent' && ` (${detail})`}
    </Text>
  );
}

function Channels({ f }: { f: AlertFiring }) {
  const lines = [
    ...f.emails.map((m) => ({ channel: m.to, state: m.state, detail: m.detail })),
    // The address itself is one of the mails above; this says when there was none.
    ...(f.attributeEmail?.state === 'skipped' ? [{ channel: "contact's address", ...f.attributeEmail }] : []),
    ...(f.chat ? [{ channel: 'chat', ...f.chat }] : []),
    ...(f.digest ? [{ channel: 'digest', state: f.digest.state, detail: null }] : []),
  ];
  if (lines.length === 0) return <Text c="dimmed">no mail</Text>;
  return (
    <Stack gap={2}>
      {lines.map((l, i) => (
        <ChannelLine key={i} {...l} />
      ))}
    </Stack>
  );
}

/** What a rule did: each firing, the response behind it, its case and what every channel did. */
export function RuleFirings({ ruleId }: { ruleId: string }) {
  const firings = useAlertFirings(ruleId);
  return (
    <QueryContent
      query={firings}
      skeleton={<TableSkeleton label="Loading firings" rows={3} />}
      errorTitle="The firings could not be loaded"
      empty={{
        when: (d) => d.pages[0]?.firings.length === 0,
        icon: IconBellOff,
        title: 'It has not fired yet',
        description: 'Each response it matches shows here once, with what became of the alert.',
      }}
    >
      {(d) => {
        const rows = d.pages.flatMap((p) => p.firings);
        return (
          <Stack gap="sm">
            <DataTable
              minWidth={640}
              head={
                <>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Response</Table.Th>
                  <Table.Th>Case</Table.Th>
                  <Table.Th>Channels</Table.Th>
                </>
              }
            >
              {rows.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.at)}</Table.Td>
                  <Table.Td>
                    {f.kind === 'no_answer' ? (
                      <Text size="sm">No answer{f.touchpointKey && ` at ${f.touchpointKey}`}</Text>
                    ) : f.score === null ? (
                      <Text size="sm" c="dimmed">
                        response erased
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        <Badge variant="light" color={f.band === 'detractor' || f.band === 'low' ? 'red' : 'gray'}>
                          {f.score} · {f.band}
                        </Badge>
                        {f.touchpointKey && <Text size="sm">{f.touchpointKey}</Text>}
                        {f.comment && (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            “{f.comment}”
                          </Text>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {f.caseId ? (
                      <Anchor component={Link} to={`/cases/${f.caseId}`} size="sm">
                        Open case
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        none
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Channels f={f} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <LoadMore query={firings} shown={rows.length} noun="firing" />
          </Stack>
        );
      }}
    </QueryContent>
  );
}
