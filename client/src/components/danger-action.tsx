import { Button, Tooltip } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface DangerActionProps {
  /** The visible word, e.g. "Remove"; `label` must start with it, so speaking what is seen finds it (WCAG 2.5.3). */
  text: string;
  /** Tooltip and accessible name, naming what it acts on: "Remove Eddie Editor". */
  label: string;
  icon: Icon;
  onClick: () => void;
  /** While the action's request is in flight. */
  loading?: boolean;
}

/** A table row's destructive action (revoke, remove): a word and an icon, never an icon alone. */
export function DangerAction({ text, label, icon: Glyph, onClick, loading }: DangerActionProps) {
  return (
    <Tooltip label={label} withArrow>
      <Button
        variant="subtle"
        color="red"
        // Mantine's subtle red text is red.6, 3.3:1 on white; red.9 passes AA.
        c="red.9"
        size="compact-sm"
        aria-label={label}
        loading={loading}
        leftSection={<Glyph size={16} aria-hidden />}
        onClick={onClick}
      >
        {text}
      </Button>
    </Tooltip>
  );
}
