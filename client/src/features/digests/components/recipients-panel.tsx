import { Badge, Button, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { DigestSubscription } from '@pulse/shared/schemas/digests';
import { IconTrash } from '@tabler/icons-react';

import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { FormAlert } from '../../../components/form-alert';
import { useFormSubmit } from '../../../lib/forms';
import { useAddRecipient, useRemoveRecipient } from '../api/change-digests';
import { browserZone, formatInZone, TimingFields, toSettings, type TimingValues } from './timing-fields';

const FREQUENCY = { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' } as const;

/** Admins send digests to people without an account (a board member, an account manager). */
export function RecipientsPanel({ recipients }: { recipients: DigestSubscription[] }) {
  const add = useAddRecipient();
  const remove = useRemoveRecipient();
  const form = useForm<TimingValues & { email: string }>({
    initialValues: { email: '', frequency: 'weekly', hour: '8', timeZone: browserZone(), touchpointIds: [] },
  });
  const submit = useFormSubmit(form, async (v) => {
    await add.mutateAsync({ ...toSettings(v), email: v.email });
    form.reset();
  });
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="recipients-title">
      <Title order={2} size="h4" id="recipients-title">
        Recipients without an account
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Every digest they receive has an unsubscribe link; changing one here subscribes it again.
      </Text>
      <Stack gap="md">
        {recipients.length > 0 && (
          <DataTable
            head={
              <>
                <Table.Th>Address</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Next</Table.Th>
                <ActionsHeader />
              </>
            }
          >
            {recipients.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text>{r.email}</Text>
                  {!r.active && (
                    <Badge color="gray" variant="light">
                      Unsubscribed
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {FREQUENCY[r.frequency]} at {String(r.hour).padStart(2, '0')}:00, {r.timeZone}
                </Table.Td>
                <Table.Td>{r.active ? formatInZone(r.nextDueAt, r.timeZone) : '—'}</Table.Td>
                <Table.Td>
                  <DangerAction
                    text="Remove"
                    label={`Remove ${r.email}`}
                    icon={IconTrash}
                    loading={remove.isPending && remove.variables === r.id}
                    onClick={() => remove.mutate(r.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
        <form onSubmit={submit.handleSubmit} noValidate aria-label="Add a recipient">
          <FormAlert message={submit.formError} />
          <Stack gap="sm">
            <TextInput label="Email address" type="email" required {...form.getInputProps('email')} />
            <TimingFields form={form} />
            <Button type="submit" loading={add.isPending} w="fit-content">
              Add recipient
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
