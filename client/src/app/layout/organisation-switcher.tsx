import { Group, Loader, Menu, Text, UnstyledButton, type FloatingPosition } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

import { useMyOrganisations } from '../../features/auth/api/get-my-organisations';
import { useSwitchOrganisation } from '../../features/auth/api/switch-organisation';
import { errorMessage } from '../../lib/api-client';
import { ROLE_LABELS } from '../../lib/labels';

interface OrganisationSwitcherProps {
  /** The current organisation's name, styled for where it sits; shown alone when there is nothing to switch to. */
  children: ReactNode;
  position?: FloatingPosition;
}

/**
 * The organisation's name, which becomes a menu of the person's organisations once they belong
 * to more than one. While the list loads, or if it cannot be loaded, the name alone is still
 * right: switching is a convenience, and logging in again also opens the last organisation used.
 */
export function OrganisationSwitcher({ children, position = 'bottom-start' }: OrganisationSwitcherProps) {
  const { data } = useMyOrganisations();
  const switchOrganisation = useSwitchOrganisation();
  const organisations = data?.organisations ?? [];
  if (organisations.length < 2) return <>{children}</>;

  const handleChange = (organisationId: string) =>
    switchOrganisation.mutate(organisationId, {
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not switch organisation', message: errorMessage(error) }),
    });

  return (
    <Menu position={position} width={280} shadow="md" checkIcon={<IconCheck size={16} aria-hidden />}>
      <Menu.Target>
        <UnstyledButton
          aria-label="Switch organisation"
          disabled={switchOrganisation.isPending}
          miw={0}
          maw="100%"
          p={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
        >
          <Group gap={6} wrap="nowrap" miw={0}>
            {children}
            {switchOrganisation.isPending ? (
              <Loader size={14} color="gray" />
            ) : (
              <IconSelector size={16} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} aria-hidden />
            )}
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your organisations</Menu.Label>
        <Menu.RadioGroup value={organisations.find((o) => o.current)?.id ?? null} onChange={handleChange}>
          {organisations.map((organisation) => (
            <Menu.RadioItem
              key={organisation.id}
              value={organisation.id}
              closeMenuOnClick
              rightSection={
                <Text size="xs" c="dimmed">
                  {ROLE_LABELS[organisation.role]}
                </Text>
              }
            >
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {organisation.name}
              </Text>
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}
