import { Center, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

import { PageTitle } from './page-title';

interface MessagePageProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions: ReactNode;
}

/** A whole page that only says one thing: not found, something broke. */
export function MessagePage({ icon, title, children, actions }: MessagePageProps) {
  return (
    <Center mih="70dvh" p="md">
      <Stack align="center" gap="md" maw={480} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="indigo">
          {icon}
        </ThemeIcon>
        <PageTitle>{title}</PageTitle>
        <Text c="dimmed">{children}</Text>
        {actions}
      </Stack>
    </Center>
  );
}
