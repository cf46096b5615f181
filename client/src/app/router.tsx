import type { Permission } from '@pulse/shared/permissions';
import { lazy, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';

import { AuthLayout } from './layout/auth-layout';
import { NotFoundRoute } from './routes/not-found-route';
import { RedirectIfSignedIn } from './routes/redirect-if-signed-in';
import { RequireFeature } from './routes/require-feature';
import { RequirePermission } from './routes/require-permission';
import { RequireSession } from './routes/require-session';
import { RouteErrorBoundary } from './routes/route-error-boundary';

/**
 * Each page, and the signed-in shell, is its own chunk, fetched on first visit: someone logging
 * in does not download the audit log. The layouts show a loader meanwhile (Suspense).
 */
const chunk = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  lazy(async () => ({ default: (await load())[name] }));

const AppLayout = chunk(() => import('./layout/app-layout'), 'AppLayout');
const LoginRoute = chunk(() => import('../features/auth/routes/login-route'), 'LoginRoute');
const SignupRoute = chunk(() => import('../features/auth/routes/signup-route'), 'SignupRoute');
const ForgotPasswordRoute = chunk(() => import('../features/auth/routes/forgot-password-route'), 'ForgotPasswordRoute');
const ResetPasswordRoute = chunk(() => import('../features/auth/routes/reset-password-route'), 'ResetPasswordRoute');
const VerifyEmailRoute = chunk(() => import('../features/auth/routes/verify-email-route'), 'VerifyEmailRoute');
const AcceptInviteRoute = chunk(() => import('../features/team/routes/accept-invite-route'), 'AcceptInviteRoute');
const HomeRoute = chunk(() => import('../features/home/routes/home-route'), 'HomeRoute');
const TeamRoute = chunk(() => import('../features/team/routes/team-route'), 'TeamRoute');
const ApiKeysRoute = chunk(() => import('../features/api-keys/routes/api-keys-route'), 'ApiKeysRoute');
const SettingsRoute = chunk(() => import('../features/settings/routes/settings-route'), 'SettingsRoute');
const AuditLogRoute = chunk(() => import('../features/audit-log/routes/audit-log-route'), 'AuditLogRoute');
const SurveysRoute = chunk(() => import('../features/surveys/routes/surveys-route'), 'SurveysRoute');
const NewSurveyRoute = chunk(() => import('../features/surveys/routes/new-survey-route'), 'NewSurveyRoute');
const SurveyBuilderRoute = chunk(() => import('../features/surveys/routes/survey-builder-route'), 'SurveyBuilderRoute');
const OutboxRoute = chunk(() => import('../features/outbox/routes/outbox-route'), 'OutboxRoute');

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
                  { path: '/surveys', element: gated('surveys.read', <SurveysRoute />) },
                  { path: '/surveys/new', element: gated('surveys.write', <NewSurveyRoute />) },
                  { path: '/surveys/:surveyId', element: gated('surveys.read', <SurveyBuilderRoute />) },
                  { path: '/team', element: gated('members.read', <TeamRoute />) },
                  { path: '/api-keys', element: gated('apikeys.manage', <ApiKeysRoute />) },
                  { path: '/settings', element: gated('org.read', <SettingsRoute />) },
                  { path: '/audit-log', element: gated('audit.read', <AuditLogRoute />) },
                  {
                    path: '/outbox',
                    element: <RequireFeature feature="outbox">{gated('org.read', <OutboxRoute />)}</RequireFeature>,
                  },
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
