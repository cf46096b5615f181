import { Button, Checkbox, Code, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { WebhookEventType } from '@pulse/shared/schemas/webhooks';
import { useState } from 'react';

import { ModalForm } from '../../../components/modal-form';
import { useFormSubmit } from '../../../lib/forms';
import { useCreateWebhook } from '../api/create-webhook';
import { useWebhookTouchpoints } from '../api/get-touchpoints';

const CHOOSABLE = WebhookEventType.options.filter((e) => e !== 'webhook.test');

export function CreateWebhookModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  const touchpoints = useWebhookTouchpoints();
  const form = useForm<{ url: string; events: WebhookEventType[]; touchpointIds: string[] }>({
    initialValues: { url: '', events: ['response.completed', 'case.created'], touchpointIds: [] },
    validate: {
      url: (v) => (v.trim() ? null : 'Paste the address your system receives webhooks at'),
      events: (v) => (v.length ? null : 'Choose at least one event'),
    },
  });
  const submit = useFormSubmit(form, async (v) => setSecret((await create.mutateAsync(v)).secret));
  // The secret is dropped on close: it is never shown a second time.
  const close = () => {
    submit.reset();
    setSecret(null);
    create.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={secret ? 'Endpoint added' : 'Add a webhook endpoint'}
      size="lg"
      closeOnClickOutside={!secret}
      closeOnEscape={!secret}
      withCloseButton={!secret}
    >
      {secret ? (
        <Stack>
          <Text>
            Verify every request with this signing secret (Standard Webhooks). It is shown only now: store it in your
            receiver’s configuration.
          </Text>
          <Code block aria-label="Signing secret">
            {secret}
          </Code>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              I’ve saved the secret
            </Button>
          </Group>
        </Stack>
      ) : (
        <ModalForm
          label="Add a webhook endpoint"
          submit={submit}
          onCancel={close}
          submitLabel="Add endpoint"
          submitting={create.isPending}
        >
          <TextInput
            label="Endpoint URL"
            placeholder="https://example.com/pulse-webhooks"
            required
            data-autofocus
            {...form.getInputProps('url')}
          />
          <Checkbox.Group label="Events" {...form.getInputProps('events')}>
            <Stack gap="xs" mt="xs">
              {CHOOSABLE.map((e) => (
                <Checkbox key={e} value={e} label={e} />
              ))}
            </Stack>
          </Checkbox.Group>
          <MultiSelect
            label="Touchpoints"
            description="Only events about these touchpoints (responses, and the cases and alerts they led to). Unsubscribes always go out."
            placeholder={form.values.touchpointIds.length ? undefined : 'All touchpoints'}
            data={(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name }))}
            searchable
            clearable
            {...form.getInputProps('touchpointIds')}
          />
        </ModalForm>
      )}
    </Modal>
  );
}
