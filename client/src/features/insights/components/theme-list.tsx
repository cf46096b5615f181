import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { InsightTheme } from '@pulse/shared/schemas/insights';

import { formatInteger } from '../../../lib/format';

interface ThemeListProps {
  themes: InsightTheme[];
  selected?: string;
  onSelect(key: string): void;
}

const tone = (sentiment: number) => (sentiment <= -0.2 ? 'red' : sentiment >= 0.2 ? 'teal' : 'gray');
const mood = (sentiment: number) => (sentiment <= -0.2 ? 'negative' : sentiment >= 0.2 ? 'positive' : 'mixed');

/**
 * Ranked themes, strongest first: the mentions (its n), how far above the comparison it stands
 * (z, significant from 1.96) and the mean tone of its comments. A click opens the comments.
 */
export function ThemeList({ themes, selected, onSelect }: ThemeListProps) {
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {themes.map((t) => (
        <li key={t.key}>
          <UnstyledButton
            w="100%"
            px="sm"
            py={8}
            bg={selected === t.key ? 'blue.0' : undefined}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            aria-pressed={selected === t.key}
            onClick={() => onSelect(t.key)}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" truncate>
                {t.label}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  n = {formatInteger(t.mentions)}
                </Text>
                <Text size="xs" c="dimmed">
                  z = {t.z.toFixed(1)}
                </Text>
                <Badge size="xs" variant="light" color={tone(t.sentiment)}>
                  {mood(t.sentiment)}
                </Badge>
              </Group>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
