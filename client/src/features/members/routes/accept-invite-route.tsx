import { Alert, Anchor, Button, PasswordInput, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Password, PersonName } from '@pulse/shared/schemas/common';
import type { InvitationPreview } from '@pulse/shared/schemas/members';
import { IconMailOff } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';

import { FormAlert } from '../../../components/form-alert';
import { PageTitle } from '../../../components/page-title';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { ROLE_LABELS } from '../../../lib/labels';
import { MissingTokenAlert } from '../../../components/missing-token-alert';
import { useAcceptInvitation } from '../api/accept-invitation';
import { useInvitationPreview } from '../api/get-invitation-preview';

export function AcceptInviteRoute() {
  const token = useSearchParams()[0].get('token');

  return (
    <Stack gap="lg">
      <PageTitle>Join your team on Pulse</PageTitle>
      {token ? (
        <InvitationDetails token={token} />
      ) : (
        <MissingTokenAlert>Open the link from your invitation email again.</MissingTokenAlert>
      )}
    </Stack>
  );
}

function InvitationDetails({ token }: { token: string }) {
  const preview = useInvitationPreview(token);

  if (preview.isPending) {
    return (
      <Stack gap="sm" aria-busy="true" role="status" aria-label="Loading the invitation">
        <Skeleton height={20} width="80%" />
        <Skeleton height={36} />
        <Skeleton height={36} />
      </Stack>
    );
  }
  if (preview.isError) {
    const gone = isApiError(preview.error, 'not_found') || isApiError(preview.error, 'conflict');
    return (
      <Alert
        color="orange"
        variant="light"
        icon={<IconMailOff size={20} aria-hidden />}
        title="This invitation can’t be used"
      >
        {gone
          ? 'It has expired, was revoked, or was already accepted. Ask whoever invited you to send a new one.'
          : errorMessage(preview.error)}
        <Text size="sm" mt="sm">
          Already a member?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Text>
      </Alert>
    );
  }
  return <AcceptForm token={token} preview={preview.data} />;
}

/** New people choose a name and password; people who already use Pulse confirm with theirs. */
function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const accept = useAcceptInvitation();
  const form = useForm({
    initialValues: { name: '', password: '' },
    validate: {
      name: (value) => (preview.accountExists ? null : fieldRule(PersonName, 'Enter your name')(value)),
      password: preview.accountExists
        ? (value: string) => (value ? null : 'Enter your Pulse password')
        : fieldRule(Password, 'Choose a password'),
    },
  });

  const { handleSubmit, formError } = useFormSubmit(
    form,
    ({ name, password }) => accept.mutateAsync({ token, password, ...(preview.accountExists ? {} : { name }) }),
    {
      explain: (error) =>
        isApiError(error, 'invalid_credentials')
          ? { field: 'password', message: 'This is not your Pulse password' }
          : undefined,
    },
  );

  return (
    <Stack gap="md">
      <Text>
        You’ve been invited to join <strong>{preview.organisationName}</strong> as{' '}
        {/^[aeiou]/i.test(preview.role) ? 'an' : 'a'} <strong>{ROLE_LABELS[preview.role].toLowerCase()}</strong>.
      </Text>
      <form onSubmit={handleSubmit} noValidate aria-label="Join organisation">
        <Stack gap="md">
          <FormAlert message={formError} />
          <TextInput label="Email" value={preview.email} readOnly variant="filled" autoComplete="username" />
          {!preview.accountExists && (
            <TextInput label="Name" autoComplete="name" required {...form.getInputProps('name')} />
          )}
          <PasswordInput
            label="Password"
            description={
              preview.accountExists
                ? 'You already have a Pulse account: enter its password.'
                : `Choose one with at least ${Password.minLength ?? 10} characters.`
            }
            autoComplete={preview.accountExists ? 'current-password' : 'new-password'}
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" fullWidth loading={accept.isPending || accept.isSuccess}>
            Join organisation
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
