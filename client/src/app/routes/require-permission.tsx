import { Button, Stack, Text } from '@mantine/core';
import type { Permission } from '@pulse/shared/permissions';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

import { PageTitle } from '../../components/page-title';
import { useCan } from '../../lib/session';

/** Someone following an old link to a page their role cannot use gets an answer, not a 403 toast. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  if (useCan(permission)) return children;
  return (
    <Stack gap="md" align="flex-start" maw={560}>
      <PageTitle>You don’t have access to this page</PageTitle>
      <Text c="dimmed">
        Your role in this organisation does not include it. An owner or admin can change your role on the Team page.
      </Text>
      <Button component={Link} to="/" variant="default">
        Back to home
      </Button>
    </Stack>
  );
}
