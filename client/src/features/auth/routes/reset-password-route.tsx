import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Password } from '@pulse/shared/schemas/common';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, fieldRule, focusFirstInvalid } from '../../../lib/forms';
import { useCompletePasswordReset } from '../api/complete-password-reset';
import { MissingTokenAlert } from '../components/missing-token-alert';

export function ResetPasswordRoute() {
  const token = useSearchParams()[0].get('token');
  const completeReset = useCompletePasswordReset();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: fieldRule(Password, 'Choose a new password') },
  });

  const handleSubmit = form.onSubmit(
    ({ password }, event) => {
      const formElement = event?.currentTarget;
      if (!token) return;
      setFormError(null);
      completeReset.mutate(
        { token, password },
        {
          onError: (error) => {
            // A used or expired token is the common case, and the fix is a new link, not a retry.
            setFormError(
              isApiError(error, 'not_found') || isApiError(error, 'conflict')
                ? 'This reset link has expired or was already used. Request a new one below.'
                : applyServerErrors(form, error),
            );
            focusFirstInvalid(formElement);
          },
        },
      );
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
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
            <PasswordInput
              label="New password"
              description={`At least ${Password.minLength ?? 10} characters`}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
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
