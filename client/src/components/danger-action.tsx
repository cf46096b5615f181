import { Button, Tooltip } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface DangerActionProps {
  /** The visible word, e.g. "Remove"; `label` must start with it, so speaking what is seen finds it (WCAG 2.5.3). */
  text: string;
  /** Tooltip and accessible name, naming what it acts on: "Remove Eddie Editor". */
  label: string;
  icon: Icon;
  onClick: () => void;
}

/** A table row's destructive action (revoke, remove): a word and an icon, never an icon alone. */
export function DangerAction({ text, label, icon: Glyph, onClick }: DangerActionProps) {
  return (
    <Tooltip label={label} withArrow>
      <Button
        variant="subtle"
        color="red.9"
        size="compact-sm"
        aria-label={label}
        leftSection={<Glyph size={16} aria-hidden />}
        onClick={onClick}
      >
        {text}
      </Button>
    </Tooltip>
  );
}
