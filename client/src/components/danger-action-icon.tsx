import { ActionIcon, Tooltip } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

interface DangerActionIconProps {
  /** Both the tooltip and the accessible name, so what sighted and screen-reader users hear matches. */
  label: string;
  icon: Icon;
  onClick: () => void;
}

/** A table row's destructive action (revoke, remove): an icon alone, so the tooltip must name it. */
export function DangerActionIcon({ label, icon: Glyph, onClick }: DangerActionIconProps) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="red.9" aria-label={label} onClick={onClick}>
        <Glyph size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
