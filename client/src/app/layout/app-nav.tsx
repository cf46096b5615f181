import { AppShell, Badge, Box, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { can, type Role } from '@pulse/shared/permissions';
import type { SessionFeatures } from '@pulse/shared/schemas/auth';
import { IconBook2 } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';

import { ROLE_LABELS } from '../../lib/labels';
import { APP_PAGES } from '../pages';
import { OrganisationSwitcher } from './organisation-switcher';

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
  const entries = APP_PAGES.filter(
    (page) => page.nav && (!page.permission || can(role, page.permission)) && (!page.feature || features[page.feature]),
  );

  return (
    <>
      {/* On phones the header has no room for the organisation: the drawer starts with it, where
          the eye lands first, and the switcher opens downwards from it. */}
      <AppShell.Section pb="sm" hiddenFrom="sm">
        <Group gap="xs" wrap="nowrap" justify="space-between" miw={0}>
          <Box miw={0}>
            <OrganisationSwitcher position="bottom-start">
              <Text size="sm" fw={600} truncate>
                {organisationName}
              </Text>
            </OrganisationSwitcher>
          </Box>
          <Badge variant="light" color="gray" style={{ flexShrink: 0, overflow: 'visible' }}>
            {ROLE_LABELS[role]}
          </Badge>
        </Group>
        <Divider mt="sm" />
      </AppShell.Section>
      {/* Padding inside the scroller, so a focused entry's ring is not cut off by its overflow. */}
      <AppShell.Section grow style={{ overflowY: 'auto' }} p={4} m={-4}>
        <Stack gap={2}>
          {entries.map(({ path, nav }) => {
            const { label, icon: EntryIcon } = nav!;
            return (
              <NavLink
                key={path}
                component={Link}
                to={path}
                label={label}
                leftSection={<EntryIcon size={20} stroke={1.6} aria-hidden />}
                active={isActive(path)}
                aria-current={isActive(path) ? 'page' : undefined}
                onClick={onNavigate}
                variant="light"
                fw={500}
              />
            );
          })}
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
    </>
  );
}
