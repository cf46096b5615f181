import { Group, Text } from '@mantine/core';

/** The mark: a pulse line in a rounded square. Decorative next to the wordmark, so aria-hidden. */
export function PulseMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-8)" />
      <path
        d="M5 17h5l3-7 5 13 3-6h6"
        fill="none"
        stroke="#fff"
        strokeWidth="2.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function PulseLogo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <PulseMark size={size} />
      <Text component="span" fw={700} fz={size * 0.7} c="gray.9" lh={1}>
        Pulse
      </Text>
    </Group>
  );
}
