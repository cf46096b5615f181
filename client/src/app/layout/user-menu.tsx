import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { SessionResponse } from '@pulse/shared/schemas/auth';
import { IconChevronDown, IconLock, IconLogout, IconUser } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';

import { useLogOut } from '../../features/auth/api/log-out';
import { errorMessage } from '../../lib/api-client';
import { ROLE_LABELS } from '../../lib/labels';

// Its form, password field and strength hint are fetched only when someone opens it: every
// signed-in page's first load would carry them otherwise (about 14 KB gzip).
const ChangePasswordModal = lazy(async () => ({
  default: (await import('../../features/auth/components/change-password-modal')).ChangePasswordModal,
}));

export function UserMenu({ session }: { session: SessionResponse }) {
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const logOut = useLogOut();
  const { user, role } = session;

  const handleLogOut = () =>
    logOut.mutate(undefined, {
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not log out', message: errorMessage(error) }),
    });

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <UnstyledButton
            // Starts with the name shown on wide screens, so speaking what is seen finds it (WCAG 2.5.3).
            aria-label={`${user.name}, account menu`}
            p={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Group gap="xs" wrap="nowrap">
              {/* A figure, not initials, where the name does not fit: initials would be visible text
                  missing from the button's name, which speech users say to click it (WCAG 2.5.3). */}
              <Avatar color="indigo" radius="xl" size={32} hiddenFrom="sm" aria-hidden>
                <IconUser size={18} aria-hidden />
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                {user.name}
              </Text>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="gray.9" truncate>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.email} · {ROLE_LABELS[role]}
            </Text>
          </Menu.Label>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLock size={16} aria-hidden />} onClick={passwordModal.open}>
            Change password
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} aria-hidden />}
            onClick={handleLogOut}
            disabled={logOut.isPending}
          >
            Log out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {passwordOpened && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={passwordModal.close} />
        </Suspense>
      )}
    </>
  );
}
