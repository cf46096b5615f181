import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

import { errorMessage } from './api-client';

interface Announcements<Row> {
  /** The toast once it is done, e.g. "API key revoked". */
  done: (row: Row) => { title: string; message: string };
  /** The toast's title when it fails; its message is the server's. */
  failedTitle: string;
}

/**
 * A destructive action on one row of a table, asked about first: `ask(row)` opens the
 * ConfirmModal that `modal` drives, and confirming runs the mutation on the row's id. The modal
 * stays open on failure, so trying again is one click.
 */
export function useConfirmedMutation<Row extends { id: string }>(
  mutation: UseMutationResult<void, Error, string>,
  { done, failedTitle }: Announcements<Row>,
) {
  const [row, setRow] = useState<Row | null>(null);

  const confirm = () => {
    if (!row) return;
    mutation.mutate(row.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', ...done(row) });
        setRow(null);
      },
      onError: (error) => notifications.show({ color: 'red', title: failedTitle, message: errorMessage(error) }),
    });
  };

  return {
    /** The row awaiting confirmation, for the modal's wording. */
    row,
    ask: setRow,
    modal: { opened: row !== null, onClose: () => setRow(null), onConfirm: confirm, loading: mutation.isPending },
  };
}
