import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Password } from '@pulse/shared/schemas/common';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { isApiError } from '../../../lib/api-client';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useCompletePasswordReset } from '../api/complete-password-reset';
import { MissingTokenAlert } from '../../../components/missing-token-alert';
import { NewPasswordInput } from '../components/new-password-input';

export function ResetPasswordRoute() {
  const token = useSearchParams()[0].get('token');
  const completeReset = useCompletePasswordReset();
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: fieldRule(Password, 'Choose a new password') },
  });

  const { handleSubmit, formError } = useFormSubmit(
    form,
    async ({ password }) => {
      // The form only shows when there is a token; this is for the type checker.
      if (token) await completeReset.mutateAsync({ token, password });
    },
    // A used or expired token is the common case, and the fix is a new link, not a retry.
    {
      explain: (error) =>
        isApiError(error, 'not_found') || isApiError(error, 'conflict')
          ? { message: 'This reset link has expired or was already used. Request a new one below.' }
          : undefined,
    },
  );

  return (
    <Stack gap="lg">
      <PageTitle>Choose a new password</PageTitle>
      {!token ? (
        <MissingTokenAlert>Open the link from your reset email again, or request a new one.</MissingTokenAlert>
      ) : completeReset.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title="Password changed">
            You can now log in with your new password.
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            Go to log in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate aria-label="Choose a new password">
          <Stack gap="md">
            <FormAlert message={formError} />
            <NewPasswordInput label="New password" {...form.getInputProps('password')} />
            <Button type="submit" fullWidth loading={completeReset.isPending}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
      {!completeReset.isSuccess && (
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/forgot-password" fw={500}>
            Request a new reset link
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
