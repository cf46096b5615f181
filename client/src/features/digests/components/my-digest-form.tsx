import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { DigestSubscription } from '@pulse/shared/schemas/digests';
import { IconMailForward } from '@tabler/icons-react';

import { FormAlert } from '../../../components/form-alert';
import { errorMessage } from '../../../lib/api-client';
import { useFormSubmit } from '../../../lib/forms';
import { usePreviewMyDigest, useSaveMyDigest, useStopMyDigest } from '../api/change-digests';
import { browserZone, formatInZone, TimingFields, toSettings, type TimingValues } from './timing-fields';

/** The signed-in teammate's own digest: off until saved, then sent to their account's address. */
export function MyDigestForm({ subscription }: { subscription: DigestSubscription | null }) {
  const save = useSaveMyDigest();
  const stop = useStopMyDigest();
  const preview = usePreviewMyDigest();
  const form = useForm<TimingValues>({
    initialValues: {
      frequency: subscription?.frequency ?? 'weekly',
      hour: String(subscription?.hour ?? 8),
      timeZone: subscription?.timeZone ?? browserZone(),
      touchpointIds: subscription?.touchpointIds ?? [],
    },
  });
  const submit = useFormSubmit(form, (v) => save.mutateAsync(toSettings(v)));
  return (
    <Paper bg="white" p="md" component="section" aria-labelledby="my-digest-title">
      <Title order={2} size="h4" id="my-digest-title">
        My digest
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {subscription
          ? `Sent to ${subscription.email}. Next one ${formatInZone(subscription.nextDueAt, subscription.timeZone)}${
              subscription.lastSentAt
                ? `; last sent ${formatInZone(subscription.lastSentAt, subscription.timeZone)}`
                : ''
            }. Skipped when no answer arrived since the one before.`
          : 'Scores and their changes, volume, new detractors, cases and SLA, a few comments and emerging themes, in your inbox. Off for now.'}
      </Text>
      <form onSubmit={submit.handleSubmit} noValidate aria-label="My digest">
        <FormAlert message={submit.formError} />
        <TimingFields form={form} />
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {subscription ? 'Save' : 'Subscribe'}
          </Button>
          <Button
            variant="default"
            leftSection={<IconMailForward size={18} aria-hidden />}
            loading={preview.isPending}
            onClick={() => preview.mutate(toSettings(form.getValues()))}
          >
            Send me a preview now
          </Button>
          {subscription && (
            <Button variant="subtle" color="red" c="red.9" loading={stop.isPending} onClick={() => stop.mutate()}>
              Stop my digest
            </Button>
          )}
        </Group>
        {preview.isSuccess && (
          <Alert mt="sm" color="green" variant="light">
            A preview of the last{' '}
            {form.getValues().frequency === 'daily'
              ? 'day'
              : form.getValues().frequency === 'weekly'
                ? 'week'
                : 'month'}{' '}
            is on its way to your inbox
            {preview.data.nothingNew ? ' (no answers arrived in it, so the scheduled one would be skipped)' : ''}.
          </Alert>
        )}
        {preview.isError && <FormAlert message={errorMessage(preview.error)} />}
      </form>
    </Paper>
  );
}
