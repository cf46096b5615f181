import { Skeleton, Stack, VisuallyHidden } from '@mantine/core';

/** A placeholder the shape of the table that is coming, so the page does not jump when it lands. */
export function TableSkeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <Stack gap="sm" aria-busy="true" role="status">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={36} />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={44} />
      ))}
    </Stack>
  );
}
