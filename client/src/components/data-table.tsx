import { Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  /** The header cells (Table.Th). */
  head: ReactNode;
  /** The rows (Table.Tr). */
  children: ReactNode;
  /** Below this width the table scrolls sideways; wide tables set more than the default. */
  minWidth?: number;
}

/** Pulse's lists: on narrow screens they scroll sideways rather than squeeze their columns. */
export function DataTable({ head, children, minWidth = 340 }: DataTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
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
