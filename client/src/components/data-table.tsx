import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  /** The header cells (Table.Th). */
  head: ReactNode;
  /** The rows (Table.Tr). */
  children: ReactNode;
}

/** Pulse's lists: on narrow screens they scroll sideways rather than squeeze their columns. */
export function DataTable({ head, children }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The header of a column of row actions: buttons need no visible heading, screen readers do. */
export function ActionsHeader() {
  return (
    <Table.Th w={1}>
      <VisuallyHidden>Actions</VisuallyHidden>
    </Table.Th>
  );
}
