import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { useCallback, useState } from 'react';

import type { FieldErrors } from '../../../lib/forms';

export type Draft = SurveyDefinition;
/** Edits a copy of the draft in place; the editor swaps it in as the new state. */
export type UpdateDraft = (edit: (draft: Draft) => void) => void;

/** The builder's working copy of the draft, with the problems to show at each field. */
export function useDraft(initial: Draft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);

  const update: UpdateDraft = useCallback((edit) => {
    setDraft((current) => {
      const next = structuredClone(current);
      edit(next);
      return next;
    });
    setDirty(true);
  }, []);

  return { draft, update, errors, setErrors, dirty, setDirty };
}

/** The next free id with `prefix` (`q1`, `q2`…) among `taken`. */
export function nextId(prefix: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) if (!taken.includes(`${prefix}${i}`)) return `${prefix}${i}`;
}
