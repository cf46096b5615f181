import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1. It takes focus when the page mounts so that, after a client-side navigation,
 * screen readers announce the new page and Tab continues from the top of its content.
 */
export function PageTitle({
  children,
  takesFocus = true,
}: {
  children: ReactNode;
  /** False on pages whose first field takes focus instead (log-in, sign-up): typing starts at once. */
  takesFocus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(typeof children === 'string' ? `${children} · Pulse` : 'Pulse');
  useEffect(() => {
    if (takesFocus) ref.current?.focus({ preventScroll: true });
  }, [takesFocus]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} data-page-title fz={{ base: 24, sm: 28 }}>
      {children}
    </Title>
  );
}
