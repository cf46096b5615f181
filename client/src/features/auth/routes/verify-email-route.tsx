import { Alert, Button, Stack } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';

import { PageLoader } from '../../../components/page-loader';
import { PageTitle } from '../../../components/page-title';
import { errorMessage, isApiError } from '../../../lib/api-client';
import { useSession } from '../../../lib/session';
import { useVerifyEmail } from '../api/verify-email';
import { MissingTokenAlert } from '../../../components/missing-token-alert';

/** Opened from the verification email; it spends the token as soon as it loads. */
export function VerifyEmailRoute() {
  const token = useSearchParams()[0].get('token');
  const verify = useVerifyEmail();
  const { mutate: spendToken } = verify;
  const signedIn = Boolean(useSession().data);
  // StrictMode runs effects twice in development; a token is single-use, so send it once.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    spendToken(token);
  }, [token, spendToken]);

  const next = signedIn ? (
    <Button component={Link} to="/" fullWidth>
      Continue to Pulse
    </Button>
  ) : (
    <Button component={Link} to="/login" fullWidth>
      Log in
    </Button>
  );

  return (
    <Stack gap="lg">
      <PageTitle>Verify your email</PageTitle>
      {!token ? (
        <MissingTokenAlert>Open the link from your verification email again.</MissingTokenAlert>
      ) : verify.isSuccess ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title="Email verified">
          Thanks — your email address is confirmed.
        </Alert>
      ) : verify.isError ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconCircleX size={20} aria-hidden />}
          title="We could not verify your email"
        >
          {isApiError(verify.error, 'not_found') || isApiError(verify.error, 'conflict')
            ? 'This link has expired or was already used.'
            : errorMessage(verify.error)}{' '}
          If the link is old, log in and send a new one from the home page.
        </Alert>
      ) : (
        <PageLoader label="Checking your link…" />
      )}
      {(verify.isSuccess || verify.isError || !token) && next}
    </Stack>
  );
}
