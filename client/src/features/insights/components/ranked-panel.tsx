import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { InsightsResponse } from '@pulse/shared/schemas/insights';

import { QueryContent } from '../../../components/query-content';
import { formatCount } from '../../../lib/format';
import { ThemeList } from './theme-list';

interface RankedPanelProps {
  title: string;
  description: string;
  query: UseQueryResult<InsightsResponse>;
  icon: Icon;
  emptyTitle: string;
  selected?: string;
  onSelect(key: string, label: string): void;
}

/** One ranking (themes, drivers or emerging) with its designed loading, error and empty states. */
export function RankedPanel({ title, description, query, icon, emptyTitle, selected, onSelect }: RankedPanelProps) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <div>
          <Text component="h2" fw={700} size="md" m={0}>
            {title}
          </Text>
          <Text size="sm" c="dimmed">
            {description}
            {query.data && ` ${formatCount(query.data.comments, 'mention')} in the period.`}
          </Text>
        </div>
        <QueryContent
          query={query}
          errorTitle={`${title} could not be loaded`}
          skeleton={<Skeleton height={140} />}
          empty={{
            when: (data) => data.themes.length === 0,
            icon,
            title: emptyTitle,
            description:
              'A theme shows once at least five comments mention it and it stands out significantly (z ≥ 1.96).',
          }}
        >
          {(data) => (
            <ThemeList
              themes={data.themes}
              selected={selected}
              onSelect={(key) => onSelect(key, data.themes.find((t) => t.key === key)?.label ?? key)}
            />
          )}
        </QueryContent>
      </Stack>
    </Paper>
  );
}
