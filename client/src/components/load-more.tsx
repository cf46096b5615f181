import { Button, Group, Text } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';

import { errorMessage } from '../lib/api-client';
import { formatCount } from '../lib/format';

/** The foot of a cursor-paged list: how many are shown, and the next page on request. */
export function LoadMore({ query, shown, noun }: { query: UseInfiniteQueryResult; shown: number; noun: string }) {
  return (
    <>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" aria-live="polite">
          Showing {formatCount(shown, noun)}
        </Text>
        {query.hasNextPage ? (
          <Button variant="default" onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            Load more
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            That’s everything.
          </Text>
        )}
      </Group>
      {query.isFetchNextPageError && (
        <Text size="sm" c="red.9" role="alert">
          The next page did not load: {errorMessage(query.error)}
        </Text>
      )}
    </>
  );
}
