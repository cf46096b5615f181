import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

import { PageTitle } from './page-title';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** The page's main action, e.g. "Invite teammate"; wraps under the title on small screens. */
  action?: ReactNode;
}

export function PageHeader({ title, description, action }: PageHeaderProps) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="xl">
      <Stack gap={4} maw={640}>
        <PageTitle>{title}</PageTitle>
        {description && <Text c="dimmed">{description}</Text>}
      </Stack>
      {action}
    </Group>
  );
}
