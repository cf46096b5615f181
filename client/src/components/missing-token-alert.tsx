import { Alert } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Pages opened from an emailed link, but without its token (often a link cut in two by a mail client). */
export function MissingTokenAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="orange" variant="light" icon={<IconLinkOff size={20} aria-hidden />} title="This link is incomplete">
      {children}
    </Alert>
  );
}
