import { Badge, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';

import { QueryContent } from '../../../components/query-content';
import { useThemeComments, type CommentsQuery } from '../api/get-theme-comments';
import { HighlightedText } from './highlighted-text';

const BAND_COLOR: Record<string, string> = {
  detractor: 'red',
  passive: 'gray',
  promoter: 'teal',
  low: 'red',
  high: 'teal',
};

/** The verbatims behind the selected theme, its words marked, newest week first. */
export function ThemeComments({ query, label }: { query: CommentsQuery; label: string }) {
  const comments = useThemeComments(query);
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={600}>Comments about “{label}”</Text>
      <QueryContent
        query={comments}
        errorTitle="The comments could not be loaded"
        skeleton={<Skeleton height={120} />}
        empty={{
          when: (data) => data.comments.length === 0,
          icon: IconMessage,
          title: 'No comment in this period',
          description: 'Pick a longer period or another touchpoint to read what customers wrote.',
        }}
      >
        {(data) => (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.comments.map((c) => (
              <Paper component="li" key={c.responseId} withBorder p="sm" radius="sm">
                <Group justify="space-between" mb={4}>
                  <Badge size="xs" variant="light" color={BAND_COLOR[c.band] ?? 'gray'}>
                    {c.band}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {c.week}
                  </Text>
                </Group>
                <HighlightedText text={c.text} highlights={c.highlights} />
              </Paper>
            ))}
          </Stack>
        )}
      </QueryContent>
    </Stack>
  );
}
