import { linksIn, waitForMail } from '../../setup/mail';

/**
 * Signs up over the HTTP API (which signs nobody in), confirms the address with the emailed link
 * and logs in, as a new owner would: the log-in response carries the session cookie.
 */
export async function signUpAndLogIn(
  baseUrl: string,
  body: { name: string; email: string; password: string; organisationName: string },
): Promise<Response> {
  const post = (path: string, payload: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const signup = await post('/api/v1/auth/signup', body);
  if (signup.status !== 202) throw new Error(`sign-up answered ${signup.status}: ${await signup.text()}`);
  const [mail] = await waitForMail(body.email);
  const link = linksIn(mail!).find((l) => l.includes('/verify-email?token='))!;
  const verified = await post('/api/v1/auth/verify-email', { token: new URL(link).searchParams.get('token') });
  if (verified.status !== 204) throw new Error(`verification answered ${verified.status}`);
  const login = await post('/api/v1/auth/login', { email: body.email, password: body.password });
  if (login.status !== 200) throw new Error(`log-in answered ${login.status}`);
  return login;
}
