import { lazy, type ComponentType } from 'react';

/**
 * A page, or the signed-in shell, as its own chunk, fetched on first visit: someone logging in
 * does not download the audit log. The layouts show a loader meanwhile (Suspense).
 */
export const chunk = <Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) =>
  lazy(async () => ({ default: (await load())[name] }));
