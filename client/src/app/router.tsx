import type { Permission } from '@pulse/shared/permissions';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';

import { ApiKeysRoute } from '../features/api-keys/routes/api-keys-route';
import { AuditLogRoute } from '../features/audit-log/routes/audit-log-route';
import { ForgotPasswordRoute } from '../features/auth/routes/forgot-password-route';
import { LoginRoute } from '../features/auth/routes/login-route';
import { ResetPasswordRoute } from '../features/auth/routes/reset-password-route';
import { SignupRoute } from '../features/auth/routes/signup-route';
import { VerifyEmailRoute } from '../features/auth/routes/verify-email-route';
import { HomeRoute } from '../features/home/routes/home-route';
import { OutboxRoute } from '../features/outbox/routes/outbox-route';
import { SettingsRoute } from '../features/settings/routes/settings-route';
import { AcceptInviteRoute } from '../features/team/routes/accept-invite-route';
import { TeamRoute } from '../features/team/routes/team-route';
import { AppLayout } from './layout/app-layout';
import { AuthLayout } from './layout/auth-layout';
import { NotFoundRoute } from './routes/not-found-route';
import { RedirectIfSignedIn } from './routes/redirect-if-signed-in';
import { RequirePermission } from './routes/require-permission';
import { RequireSession } from './routes/require-session';
import { RouteErrorBoundary } from './routes/route-error-boundary';

const gated = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

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
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                // Inside the shell, so a broken page keeps the navigation around it.
                errorElement: <RouteErrorBoundary />,
                children: [
                  { index: true, element: <HomeRoute /> },
                  { path: '/team', element: gated('members.read', <TeamRoute />) },
                  { path: '/api-keys', element: gated('apikeys.manage', <ApiKeysRoute />) },
                  { path: '/settings', element: gated('org.read', <SettingsRoute />) },
                  { path: '/audit-log', element: gated('audit.read', <AuditLogRoute />) },
                  { path: '/outbox', element: gated('org.read', <OutboxRoute />) },
                ],
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
