import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailExclamation } from '@tabler/icons-react';

import { errorMessage } from '../../../lib/api-client';
import { useCurrentSession } from '../../../lib/session';
import { useResendVerification } from '../api/resend-verification';

/** Shown until the signed-in person has verified their address. */
export function VerifyEmailBanner() {
  const { user } = useCurrentSession();
  const resend = useResendVerification();
  const { email } = user;

  const handleResend = () =>
    resend.mutate(undefined, {
      onSuccess: () =>
        notifications.show({
          color: 'teal',
          title: 'Verification email sent',
          message: `Check the inbox of ${email}.`,
        }),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Verification email not sent', message: errorMessage(error) }),
    });

  if (user.emailVerified) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconMailExclamation size={20} aria-hidden />}
      title="Please verify your email"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          We sent a link to <strong>{email}</strong>. Verifying it lets you invite teammates and lets Pulse send you
          password resets and alerts.
        </Text>
        <Button
          size="xs"
          variant="default"
          onClick={handleResend}
          loading={resend.isPending}
          disabled={resend.isSuccess}
        >
          {resend.isSuccess ? 'Email sent' : 'Resend email'}
        </Button>
      </Group>
    </Alert>
  );
}
