import { EmptyState, Paper } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { ErrorState } from './error-state';

interface EmptyContent<TData> {
  /** Whether the answer holds nothing to show. */
  when: (data: TData) => boolean;
  icon: Icon;
  title: string;
  /** What would fill it, so an empty page says what to do next. */
  description: string;
}

interface QueryContentProps<TData> {
  query: UseQueryResult<TData> | UseInfiniteQueryResult<TData>;
  /** Shown until the first answer: the shape of what is coming, so the page does not jump. */
  skeleton: ReactNode;
  errorTitle: string;
  empty?: EmptyContent<TData>;
  children: (data: TData) => ReactNode;
}

/**
 * What a page shows from one query, with loading, error and empty designed once. Only a first
 * load that failed replaces the content: a failed background refetch keeps the data on screen.
 */
export function QueryContent<TData>({ query, skeleton, errorTitle, empty, children }: QueryContentProps<TData>) {
  if (query.isPending) return skeleton;
  if (query.isLoadingError) {
    return <ErrorState error={query.error} title={errorTitle} onRetry={() => query.refetch()} />;
  }
  if (empty?.when(query.data)) {
    const { icon: EmptyIcon, title, description } = empty;
    return (
      <Paper bg="white" p="xl">
        <EmptyState
          icon={<EmptyIcon size={28} aria-hidden />}
          withIndicatorBackground
          title={title}
          description={description}
        />
      </Paper>
    );
  }
  return children(query.data);
}
