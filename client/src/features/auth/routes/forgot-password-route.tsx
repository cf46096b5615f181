import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Email } from '@pulse/shared/schemas/common';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useSystemConfig } from '../api/get-system-config';
import { useRequestPasswordReset } from '../api/request-password-reset';

export function ForgotPasswordRoute() {
  const requestReset = useRequestPasswordReset();
  // Only a development server names a mail catcher: that is where its mail (this reset link) lands.
  const mailCatcherUrl = useSystemConfig().data?.mailCatcherUrl;
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: fieldRule(Email, 'Enter your email address') },
  });

  const { handleSubmit, formError } = useFormSubmit(form, ({ email }) => requestReset.mutateAsync(email));

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle>Reset your password</PageTitle>
        <Text c="dimmed" size="sm">
          Enter the email you use for Pulse and we will send you a link to choose a new password.
        </Text>
      </Stack>
      {requestReset.isSuccess ? (
        // Worded so it does not reveal whether an account exists: the server answers 202 either way.
        <Alert color="teal" variant="light" icon={<IconMailCheck size={20} aria-hidden />} title="Check your inbox">
          If an account exists for {form.getValues().email}, a reset link is on its way. It expires soon, so use it
          today.
        </Alert>
      ) : (
        <form onSubmit={handleSubmit} noValidate aria-label="Request a reset link">
          <Stack gap="md">
            <FormAlert message={formError} />
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <Button type="submit" fullWidth loading={requestReset.isPending}>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      {mailCatcherUrl && (
        <Text size="sm" c="dimmed">
          Running Pulse in development? No mail leaves this machine: read it in the mail catcher at{' '}
          <Anchor href={mailCatcherUrl} target="_blank" rel="noreferrer">
            {mailCatcherUrl}
          </Anchor>
          .
        </Text>
      )}
      <Text size="sm" ta="center">
        <Anchor component={Link} to="/login" fw={500}>
          Back to log in
        </Anchor>
      </Text>
    </Stack>
  );
}
