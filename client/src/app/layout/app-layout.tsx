import { Anchor, AppShell, Box, Burger, Container, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';

import { PageLoader } from '../../components/page-loader';
import { PulseLogo } from '../../components/pulse-logo';
import { useCurrentSession } from '../../lib/session';
import { AppNav } from './app-nav';
import { OrganisationSwitcher } from './organisation-switcher';
import { UserMenu } from './user-menu';

/** The signed-in frame: header, navigation (a drawer on phones), and the page. */
export function AppLayout() {
  const session = useCurrentSession();
  const [navOpened, nav] = useDisclosure(false);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
            />
            <Anchor component={Link} to="/" underline="never" aria-label="Pulse home">
              <PulseLogo />
            </Anchor>
            <Divider orientation="vertical" my="md" visibleFrom="sm" />
            <Box visibleFrom="sm" miw={0}>
              <OrganisationSwitcher>
                <Text size="sm" fw={500} c="gray.7" truncate>
                  {session.organisation.name}
                </Text>
              </OrganisationSwitcher>
            </Box>
          </Group>
          <UserMenu session={session} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppNav
          role={session.role}
          features={session.features}
          organisationName={session.organisation.name}
          onNavigate={nav.close}
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="app-main">
        <Container size="lg" px={0}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
