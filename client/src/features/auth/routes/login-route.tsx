import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Email } from '@pulse/shared/schemas/common';
import { Link, useSearchParams } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useLogIn } from '../api/log-in';

/** On success RedirectIfSignedIn, which wraps this route, takes the user on to `next`. */
export function LoginRoute() {
  const [searchParams] = useSearchParams();
  const logIn = useLogIn();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: fieldRule(Email, 'Enter your email address'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const { handleSubmit, formError } = useFormSubmit(form, (values) => logIn.mutateAsync(values));

  const signupLink = searchParams.has('next') ? `/signup?${searchParams.toString()}` : '/signup';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle takesFocus={false}>Log in to Pulse</PageTitle>
        <Text c="dimmed" size="sm">
          Welcome back. Use the email and password you signed up with.
        </Text>
      </Stack>
      <form onSubmit={handleSubmit} noValidate aria-label="Log in">
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            autoFocus
            {...form.getInputProps('email')}
          />
          <Stack gap={6}>
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/forgot-password" size="sm">
                Forgot password?
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" fullWidth loading={logIn.isPending}>
            Log in
          </Button>
        </Stack>
      </form>
      <Text size="sm" ta="center">
        New to Pulse?{' '}
        <Anchor component={Link} to={signupLink} fw={500}>
          Create an account
        </Anchor>
      </Text>
    </Stack>
  );
}
