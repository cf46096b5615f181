import type { Permission } from '@pulse/shared/permissions';
import type { SessionFeatures } from '@pulse/shared/schemas/auth';
import {
  IconBell,
  IconChartLine,
  IconClock,
  IconInbox,
  IconClipboardList,
  IconHistory,
  IconHome,
  IconKey,
  IconMail,
  IconMessages,
  IconMailForward,
  IconNews,
  IconAddressBook,
  IconRoute,
  IconSettings,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
  IconRecycle,
  IconShare,
  type Icon,
} from '@tabler/icons-react';
import type { ReactElement } from 'react';
import { Navigate } from 'react-router';

import { chunk } from './chunk';

const HomePage = chunk(() => import('./routes/home-page'), 'HomePage');
const MembersRoute = chunk(() => import('../features/members/routes/members-route'), 'MembersRoute');
const TeamsRoute = chunk(() => import('../features/teams/routes/teams-route'), 'TeamsRoute');
const ApiKeysRoute = chunk(() => import('../features/api-keys/routes/api-keys-route'), 'ApiKeysRoute');
const SettingsRoute = chunk(() => import('../features/settings/routes/settings-route'), 'SettingsRoute');
const AuditLogRoute = chunk(() => import('../features/audit-log/routes/audit-log-route'), 'AuditLogRoute');
const AnalyticsRoute = chunk(() => import('../features/analytics/routes/analytics-route'), 'AnalyticsRoute');
const SurveysRoute = chunk(() => import('../features/surveys/routes/surveys-route'), 'SurveysRoute');
const NewSurveyRoute = chunk(() => import('../features/surveys/routes/new-survey-route'), 'NewSurveyRoute');
const SurveyBuilderRoute = chunk(() => import('../features/surveys/routes/survey-builder-route'), 'SurveyBuilderRoute');
const InsightsRoute = chunk(() => import('../features/insights/routes/insights-route'), 'InsightsRoute');
const TouchpointsRoute = chunk(() => import('../features/distribution/routes/touchpoints-route'), 'TouchpointsRoute');
const ContactsRoute = chunk(() => import('../features/distribution/routes/contacts-route'), 'ContactsRoute');
const ContactRoute = chunk(() => import('../features/distribution/routes/contact-route'), 'ContactRoute');
const InvitationsRoute = chunk(() => import('../features/distribution/routes/invitations-route'), 'InvitationsRoute');
const ImportRoute = chunk(() => import('../features/distribution/routes/import-route'), 'ImportRoute');
const SlaRoute = chunk(() => import('../features/sla/routes/sla-route'), 'SlaRoute');
const AlertRulesRoute = chunk(() => import('../features/alerts/routes/alert-rules-route'), 'AlertRulesRoute');
const CasesRoute = chunk(() => import('../features/cases/routes/cases-route'), 'CasesRoute');
const ClosedLoopRoute = chunk(() => import('../features/closed-loop/routes/closed-loop-route'), 'ClosedLoopRoute');
const SharedLinksRoute = chunk(
  () => import('../features/shared-results/routes/shared-links-route'),
  'SharedLinksRoute',
);
const CaseRoute = chunk(() => import('../features/cases/routes/case-route'), 'CaseRoute');
const WebhooksRoute = chunk(() => import('../features/webhooks/routes/webhooks-route'), 'WebhooksRoute');
const OutboxRoute = chunk(() => import('../features/outbox/routes/outbox-route'), 'OutboxRoute');
const DigestsRoute = chunk(() => import('../features/digests/routes/digests-route'), 'DigestsRoute');

/** A page of the signed-in app. The router and the navigation are both built from this table. */
export interface AppPage {
  /** A router path; `/` is the home page. Child pages (`/surveys/:id`) are pages of their own. */
  path: string;
  element: ReactElement;
  /** Roles without it see "no access" there, and no navigation entry; the server checks again. */
  permission?: Permission;
  /** Where this server does not run that part of Pulse, the page does not exist. */
  feature?: keyof SessionFeatures;
  /** In the navigation, with this label and icon; pages reached only by links leave it out. */
  nav?: { label: string; icon: Icon };
}

export const APP_PAGES: AppPage[] = [
  { path: '/', element: <HomePage />, nav: { label: 'Home', icon: IconHome } },
  {
    path: '/surveys',
    element: <SurveysRoute />,
    permission: 'surveys.read',
    nav: { label: 'Surveys', icon: IconClipboardList },
  },
  { path: '/surveys/new', element: <NewSurveyRoute />, permission: 'surveys.write' },
  { path: '/surveys/:surveyId', element: <SurveyBuilderRoute />, permission: 'surveys.read' },
  {
    path: '/analytics',
    element: <AnalyticsRoute />,
    permission: 'responses.read',
    nav: { label: 'Analytics', icon: IconChartLine },
  },
  {
    path: '/insights',
    element: <InsightsRoute />,
    permission: 'responses.read',
    nav: { label: 'Insights', icon: IconMessages },
  },
  {
    path: '/touchpoints',
    element: <TouchpointsRoute />,
    permission: 'distribution.read',
    nav: { label: 'Touchpoints', icon: IconRoute },
  },
  {
    path: '/contacts',
    element: <ContactsRoute />,
    permission: 'contacts.read',
    nav: { label: 'Contacts', icon: IconAddressBook },
  },
  { path: '/contacts/:contactId', element: <ContactRoute />, permission: 'contacts.read' },
  {
    path: '/invitations',
    element: <InvitationsRoute />,
    permission: 'contacts.read',
    nav: { label: 'Invitations', icon: IconMailForward },
  },
  { path: '/import', element: <ImportRoute />, permission: 'distribution.write' },
  { path: '/cases', element: <CasesRoute />, permission: 'cases.work', nav: { label: 'Cases', icon: IconInbox } },
  { path: '/cases/:caseId', element: <CaseRoute />, permission: 'cases.work' },
  { path: '/sla', element: <SlaRoute />, permission: 'cases.work', nav: { label: 'SLA policies', icon: IconClock } },
  {
    path: '/closed-loop',
    element: <ClosedLoopRoute />,
    permission: 'responses.read',
    nav: { label: 'Closed loop', icon: IconRecycle },
  },
  {
    path: '/shared-links',
    element: <SharedLinksRoute />,
    permission: 'org.manage',
    nav: { label: 'Shared results', icon: IconShare },
  },
  {
    path: '/alerts',
    element: <AlertRulesRoute />,
    permission: 'alerts.manage',
    nav: { label: 'Alert rules', icon: IconBell },
  },
  {
    path: '/webhooks',
    element: <WebhooksRoute />,
    permission: 'webhooks.manage',
    nav: { label: 'Webhooks', icon: IconWebhook },
  },
  {
    path: '/members',
    element: <MembersRoute />,
    permission: 'members.read',
    nav: { label: 'Members', icon: IconUsers },
  },
  // The page's address before it was renamed (beside Teams, "Team" read as a group): old bookmarks.
  { path: '/team', element: <Navigate to="/members" replace /> },
  {
    path: '/teams',
    element: <TeamsRoute />,
    permission: 'members.read',
    nav: { label: 'Teams', icon: IconUsersGroup },
  },
  {
    path: '/api-keys',
    element: <ApiKeysRoute />,
    permission: 'apikeys.manage',
    nav: { label: 'API keys', icon: IconKey },
  },
  {
    path: '/settings',
    element: <SettingsRoute />,
    permission: 'org.read',
    nav: { label: 'Settings', icon: IconSettings },
  },
  {
    path: '/digests',
    element: <DigestsRoute />,
    permission: 'responses.read',
    nav: { label: 'Digests', icon: IconNews },
  },
  {
    path: '/audit-log',
    element: <AuditLogRoute />,
    permission: 'audit.read',
    nav: { label: 'Audit log', icon: IconHistory },
  },
  {
    path: '/outbox',
    element: <OutboxRoute />,
    // The organisation's own sent mail holds invitation links: owners and admins only.
    permission: 'members.manage',
    feature: 'outbox',
    nav: { label: 'Outbox', icon: IconMail },
  },
];
