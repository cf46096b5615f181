import { createContext, useContext } from 'react';

import { dimensionLabel } from './labels';

/** Touchpoint id → name, from the summary (GET /api/v1/metrics): every panel shows the same names. */
const TouchpointNames = createContext<Record<string, string>>({});

export const TouchpointNamesProvider = TouchpointNames.Provider;

/** A touchpoint's name; its id (or key) only while the names load or for one since deleted. */
export function useTouchpointLabel(): (idOrKey: string, id?: string | null) => string {
  const names = useContext(TouchpointNames);
  return (idOrKey, id) => names[id ?? idOrKey] ?? names[idOrKey] ?? dimensionLabel(idOrKey);
}
