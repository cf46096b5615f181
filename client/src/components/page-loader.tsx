import { Center, Loader, Stack, Text } from '@mantine/core';

/** A small loader centred where content is about to appear, e.g. a page whose code is on its way. */
export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="sm">
        <Loader size="sm" aria-hidden />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Stack>
    </Center>
  );
}
