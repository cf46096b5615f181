import { AppShell, Badge, Box, Divider, NavLink, Stack, Text } from '@mantine/core';
import { can, type Permission, type Role } from '@pulse/shared/permissions';
import type { SessionFeatures } from '@pulse/shared/schemas/auth';
import {
  IconBook2,
  IconClipboardList,
  IconHistory,
  IconHome,
  IconKey,
  IconMail,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

import { OrganisationSwitcher } from './organisation-switcher';

interface NavEntry {
  to: string;
  label: string;
  icon: Icon;
  /** Hidden from roles without it; the pages check again, and so does the server. */
  permission?: Permission;
  /** Hidden where this server does not run that part of Pulse. */
  feature?: keyof SessionFeatures;
}

const ENTRIES: NavEntry[] = [
  { to: '/', label: 'Home', icon: IconHome },
  { to: '/surveys', label: 'Surveys', icon: IconClipboardList, permission: 'surveys.read' },
  { to: '/team', label: 'Team', icon: IconUsers, permission: 'members.read' },
  { to: '/api-keys', label: 'API keys', icon: IconKey, permission: 'apikeys.manage' },
  { to: '/settings', label: 'Settings', icon: IconSettings, permission: 'org.read' },
  { to: '/audit-log', label: 'Audit log', icon: IconHistory, permission: 'audit.read' },
  { to: '/outbox', label: 'Outbox', icon: IconMail, permission: 'org.read', feature: 'outbox' },
];

interface AppNavProps {
  role: Role;
  features: SessionFeatures;
  organisationName: string;
  /** Closes the drawer on phones once a page is chosen. */
  onNavigate: () => void;
}

export function AppNav({ role, features, organisationName, onNavigate }: AppNavProps) {
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  return (
    <>
      <AppShell.Section grow style={{ overflowY: 'auto' }}>
        <Stack gap={2}>
          {ENTRIES.filter(
            (entry) =>
              (!entry.permission || can(role, entry.permission)) && (!entry.feature || features[entry.feature]),
          ).map(({ to, label, icon: EntryIcon }) => (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              leftSection={<EntryIcon size={20} stroke={1.6} aria-hidden />}
              active={isActive(to)}
              aria-current={isActive(to) ? 'page' : undefined}
              onClick={onNavigate}
              variant="light"
              fw={500}
            />
          ))}
          <Divider my="xs" />
          {/* Served by the API server itself, so a full page load rather than a router link. */}
          <NavLink
            component="a"
            href="/api/docs"
            label="API docs"
            leftSection={<IconBook2 size={20} stroke={1.6} aria-hidden />}
            fw={500}
          />
        </Stack>
      </AppShell.Section>
      <AppShell.Section pt="sm" hiddenFrom="sm">
        <Divider mb="sm" />
        {/* A block, so the role stays on its own line whether the name is text or a menu button. */}
        <Box>
          <OrganisationSwitcher position="top-start">
            <Text size="sm" fw={600} truncate>
              {organisationName}
            </Text>
          </OrganisationSwitcher>
        </Box>
        <Badge variant="light" color="gray" mt={4}>
          {role}
        </Badge>
      </AppShell.Section>
    </>
  );
}
