import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

import { DangerAction } from './danger-action';

/** A table row's Edit and Delete, each named for what the row holds ("rule Detractors"). */
export function RowEditActions({ what, onEdit, onDelete }: { what: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        variant="subtle"
        size="compact-sm"
        aria-label={`Edit ${what}`}
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={onEdit}
      >
        Edit
      </Button>
      <DangerAction text="Delete" label={`Delete ${what}`} icon={IconTrash} onClick={onDelete} />
    </Group>
  );
}
