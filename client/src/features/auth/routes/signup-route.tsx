import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SignupBody } from '@pulse/shared/schemas/auth';
import { Email, Password, PersonName } from '@pulse/shared/schemas/common';
import { IconMailCheck } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useSystemConfig } from '../api/get-system-config';
import { useSignUp } from '../api/sign-up';
import { NewPasswordInput } from '../components/new-password-input';

/** The browser's IANA zone, or none (the server then starts in UTC) where the runtime does not say. */
const browserTimeZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;

/**
 * Creates the user and their organisation in one step, then says to check the inbox: the answer
 * is the same for an address that already has an account (its owner gets a mail instead).
 */
export function SignupRoute() {
  const [searchParams] = useSearchParams();
  const signUp = useSignUp();
  const mailCatcherUrl = useSystemConfig().data?.mailCatcherUrl;
  const form = useForm({
    initialValues: { name: '', email: '', password: '', organisationName: '' },
    validate: {
      name: fieldRule(PersonName, 'Enter your name'),
      email: fieldRule(Email, 'Enter your work email'),
      password: fieldRule(Password, 'Choose a password'),
      organisationName: fieldRule(SignupBody.shape.organisationName, 'Enter your organisation’s name'),
    },
  });

  // The organisation's reports start in the zone the person is in; Settings changes it later.
  const { handleSubmit, formError } = useFormSubmit(form, (values) =>
    signUp.mutateAsync({ ...values, timeZone: browserTimeZone() }),
  );

  const loginLink = searchParams.has('next') ? `/login?${searchParams.toString()}` : '/login';

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <PageTitle takesFocus={false}>Create your Pulse account</PageTitle>
        <Text c="dimmed" size="sm">
          Set up your organisation and start listening to your customers.
        </Text>
      </Stack>
      {signUp.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconMailCheck size={20} aria-hidden />} title="Check your inbox">
          We sent a mail to {form.getValues().email}. Open the link in it to confirm your address, then log in with the
          password you chose. The link works for 7 days.
        </Alert>
      ) : (
        <form onSubmit={handleSubmit} noValidate aria-label="Create account">
          <Stack gap="md">
            <FormAlert message={formError} />
            <TextInput label="Name" autoComplete="name" required autoFocus {...form.getInputProps('name')} />
            <TextInput label="Work email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <NewPasswordInput label="Password" {...form.getInputProps('password')} />
            <TextInput
              label="Organisation name"
              description="Usually your company or team; you can change it later"
              autoComplete="organization"
              required
              {...form.getInputProps('organisationName')}
            />
            <Button type="submit" fullWidth loading={signUp.isPending}>
              Create account
            </Button>
          </Stack>
        </form>
      )}
      {signUp.isSuccess && mailCatcherUrl && (
        <Text size="sm" c="dimmed">
          Running Pulse in development? No mail leaves this machine: read it in the mail catcher at{' '}
          <Anchor href={mailCatcherUrl} target="_blank" rel="noreferrer">
            {mailCatcherUrl}
          </Anchor>
          .
        </Text>
      )}
      <Text size="sm" ta="center">
        Already have an account?{' '}
        <Anchor component={Link} to={loginLink} fw={500}>
          Log in
        </Anchor>
      </Text>
    </Stack>
  );
}
