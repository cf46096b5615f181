import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiKeyScope } from '@pulse/shared/permissions';
import { CreateApiKeyBody, type CreatedApiKeyResponse } from '@pulse/shared/schemas/api-keys';
import { useState } from 'react';

import { ModalForm } from '../../../components/modal-form';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useCreateApiKey } from '../api/create-api-key';
import { ApiKeySecret } from './api-key-secret';
import { SCOPE_DESCRIPTIONS } from './scope-labels';

interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
}

export function CreateApiKeyModal({ opened, onClose }: CreateApiKeyModalProps) {
  const createKey = useCreateApiKey();
  const [created, setCreated] = useState<CreatedApiKeyResponse | null>(null);
  const form = useForm<{ name: string; scopes: ApiKeyScope[] }>({
    // Sending interactions is what almost every first key is for.
    initialValues: { name: '', scopes: ['interactions:write'] },
    validate: {
      name: fieldRule(CreateApiKeyBody.shape.name, 'Name the key after what will use it'),
      scopes: (value) => (value.length > 0 ? null : 'Choose at least one scope'),
    },
  });
  const submit = useFormSubmit(form, async (values) => setCreated(await createKey.mutateAsync(values)));

  // The secret is dropped on close: it must never be shown a second time.
  const close = () => {
    submit.reset();
    setCreated(null);
    createKey.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'API key created' : 'Create an API key'}
      size="lg"
      // Once the secret is up, only the explicit button closes, so a stray click cannot lose it.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
      withCloseButton={!created}
    >
      {created ? (
        <Stack gap="lg">
          <ApiKeySecret name={created.apiKey.name} secret={created.secret} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              I’ve saved the key
            </Button>
          </Group>
        </Stack>
      ) : (
        <ModalForm
          label="Create an API key"
          submit={submit}
          onCancel={close}
          submitLabel="Create key"
          submitting={createKey.isPending}
        >
          <TextInput
            label="Key name"
            description="Say what will use it, e.g. “CRM sync” or “Checkout webhook”"
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Checkbox.Group
            label="Scopes"
            description="Give the key only what its integration needs."
            {...form.getInputProps('scopes')}
          >
            <Stack gap="sm" mt="xs">
              {ApiKeyScope.options.map((scope) => (
                <Checkbox key={scope} value={scope} label={scope} description={SCOPE_DESCRIPTIONS[scope]} />
              ))}
            </Stack>
          </Checkbox.Group>
        </ModalForm>
      )}
    </Modal>
  );
}
