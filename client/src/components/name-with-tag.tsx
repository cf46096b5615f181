import { Badge, Group, Text } from '@mantine/core';

/** Someone's name, with a small grey tag when there is something to add ("You", "API key"). */
export function NameWithTag({ name, tag }: { name: string; tag?: string | null }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={500}>
        {name}
      </Text>
      {tag && (
        <Badge size="xs" variant="light" color="gray">
          {tag}
        </Badge>
      )}
    </Group>
  );
}
