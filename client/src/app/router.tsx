import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';

import { chunk } from './chunk';
import { AuthLayout } from './layout/auth-layout';
import { APP_PAGES, type AppPage } from './pages';
import { NotFoundRoute } from './routes/not-found-route';
import { RedirectIfSignedIn } from './routes/redirect-if-signed-in';
import { RequireFeature } from './routes/require-feature';
import { RequirePermission } from './routes/require-permission';
import { RequireSession } from './routes/require-session';
import { RouteErrorBoundary } from './routes/route-error-boundary';
import { ShellIfSignedIn } from './routes/shell-if-signed-in';

const AppLayout = chunk(() => import('./layout/app-layout'), 'AppLayout');
const LoginRoute = chunk(() => import('../features/auth/routes/login-route'), 'LoginRoute');
const SignupRoute = chunk(() => import('../features/auth/routes/signup-route'), 'SignupRoute');
const ForgotPasswordRoute = chunk(() => import('../features/auth/routes/forgot-password-route'), 'ForgotPasswordRoute');
const ResetPasswordRoute = chunk(() => import('../features/auth/routes/reset-password-route'), 'ResetPasswordRoute');
const VerifyEmailRoute = chunk(() => import('../features/auth/routes/verify-email-route'), 'VerifyEmailRoute');
const SharedResultsRoute = chunk(
  () => import('../features/shared-results/routes/shared-results-route'),
  'SharedResultsRoute',
);
const AcceptInviteRoute = chunk(() => import('../features/members/routes/accept-invite-route'), 'AcceptInviteRoute');

/** A page of the route table, behind its permission and feature gates. */
function pageRoute({ path, element, permission, feature }: AppPage): RouteObject {
  let gated: ReactNode = element;
  if (permission) gated = <RequirePermission permission={permission}>{gated}</RequirePermission>;
  if (feature) gated = <RequireFeature feature={feature}>{gated}</RequireFeature>;
  return path === '/' ? { index: true, element: gated } : { path, element: gated };
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          {
            element: <RedirectIfSignedIn />,
            children: [
              { path: '/login', element: <LoginRoute /> },
              { path: '/signup', element: <SignupRoute /> },
            ],
          },
          // Reachable signed in or not: they are opened from emailed links.
          { path: '/forgot-password', element: <ForgotPasswordRoute /> },
          { path: '/reset-password', element: <ResetPasswordRoute /> },
          { path: '/verify-email', element: <VerifyEmailRoute /> },
          { path: '/accept-invite', element: <AcceptInviteRoute /> },
        ],
      },
      // A shared results link: read-only, for people without an account, with no app shell.
      { path: '/shared/:token', element: <SharedResultsRoute /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            // Inside the shell, so a broken page keeps the navigation around it.
            children: [{ errorElement: <RouteErrorBoundary />, children: APP_PAGES.map(pageRoute) }],
          },
        ],
      },
      // An unknown address: inside the shell for someone signed in, so they keep their navigation.
      { element: <ShellIfSignedIn shell={<AppLayout />} />, children: [{ path: '*', element: <NotFoundRoute /> }] },
    ],
  },
]);
