import { Paper, Skeleton, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { ErrorState } from '../../../components/error-state';

/** One widget's loading and error states, designed once: a skeleton of its size, or the error with a retry. */
export function PanelState<T>({
  query,
  title,
  height,
  children,
}: {
  query: UseQueryResult<T>;
  title: string;
  height: number;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PanelSkeleton title={title} height={height} />;
  if (query.isError && !query.data) {
    return <ErrorState error={query.error} title={`${title} could not be loaded`} onRetry={() => query.refetch()} />;
  }
  return children(query.data as T);
}

/** The shape of a widget while it loads, so the page does not jump when it arrives. */
export function PanelSkeleton({ title, height }: { title: string; height: number }) {
  return (
    <Paper bg="white" p="lg" aria-busy="true" aria-label={`Loading ${title}`}>
      <Stack gap="sm">
        <Skeleton h={16} w="40%" />
        <Skeleton h={height} />
      </Stack>
    </Paper>
  );
}
