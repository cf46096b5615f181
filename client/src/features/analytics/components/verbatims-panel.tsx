import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { bandsOf, type Band } from '@pulse/shared/metrics/scales';
import type { MetricsFilter } from '@pulse/shared/schemas/analytics';
import { useState } from 'react';

import { ErrorState } from '../../../components/error-state';
import { formatDate } from '../../../lib/format';
import { useVerbatims, verbatimsExportUrl } from '../api/get-verbatims';
import { useTouchpointLabel } from '../lib/touchpoint-names';
import { PanelSkeleton } from './panel-state';

const BAND_COLOURS: Record<Band, string> = {
  detractor: 'red',
  passive: 'yellow',
  promoter: 'teal',
  low: 'red',
  neutral: 'yellow',
  high: 'teal',
};

/** What customers wrote, newest first, for the dashboard's filters plus a band and words; pages on demand. */
export function VerbatimsPanel({ filter }: { filter: MetricsFilter }) {
  const touchpointLabel = useTouchpointLabel();
  const [band, setBand] = useState<Band | ''>('');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const view = { band: band || undefined, q: q || undefined };
  const query = useVerbatims(filter, view);
  const rows = query.data?.pages.flatMap((p) => p.verbatims) ?? [];

  return (
    <Paper bg="white" p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h4">
            Verbatims
          </Title>
          <Anchor href={verbatimsExportUrl(filter, view)} size="sm" download>
            Export CSV
          </Anchor>
        </Group>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <NativeSelect
            label="Band"
            value={band}
            onChange={(e) => setBand(e.currentTarget.value as Band | '')}
            data={[
              { value: '', label: 'All bands' },
              ...bandsOf(filter.kind ?? 'nps').map((b) => ({ value: b, label: b })),
            ]}
          />
          <TextInput
            label="Comment contains"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            placeholder="e.g. delivery"
            style={{ flex: 1, minWidth: 160 }}
          />
        </Group>
        {query.isPending ? (
          <PanelSkeleton title="verbatims" height={120} />
        ) : query.isError && rows.length === 0 ? (
          <ErrorState error={query.error} title="Verbatims could not be loaded" onRetry={() => query.refetch()} />
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            No comments for these filters.
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {rows.map((v) => (
              <li key={v.id}>
                <Paper withBorder p="sm">
                  <Group gap="xs" mb={4} wrap="wrap">
                    <Badge color={BAND_COLOURS[v.band]} variant="light">
                      {v.score} · {v.band}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {touchpointLabel(v.touchpointKey ?? v.touchpointId ?? '-', v.touchpointId)} · {v.channel} ·{' '}
                      {formatDate(v.answeredAt)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                    {v.comment}
                  </Text>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
        {query.hasNextPage && (
          <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Show more
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
