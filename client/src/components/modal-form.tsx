import { Button, Group, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';

import { FormAlert } from './form-alert';

interface ModalFormProps {
  /** The form's accessible name; usually the modal's title. */
  label: string;
  /** From useFormSubmit: what submitting does, and the problem no single field owns. */
  submit: { handleSubmit: FormEventHandler<HTMLFormElement>; formError: string | null };
  onCancel: () => void;
  submitLabel: string;
  submitting: boolean;
  children: ReactNode;
}

/** The body of a modal that is one form: its problem on top, Cancel and the action bottom right. */
export function ModalForm({ label, submit, onCancel, submitLabel, submitting, children }: ModalFormProps) {
  return (
    <form onSubmit={submit.handleSubmit} noValidate aria-label={label}>
      <Stack gap="md">
        <FormAlert message={submit.formError} />
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
