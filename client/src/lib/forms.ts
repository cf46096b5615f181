import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';

import { ApiError, errorMessage } from './api-client';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A Mantine field validator from a shared zod schema, so the browser checks exactly what the
 * server will. Empty input gets a plain request instead of zod's "expected string to have >=1
 * characters".
 */
export function fieldRule(schema: z.ZodType, whenEmpty: string) {
  return (value: unknown): string | null => {
    if (typeof value === 'string' && value.trim() === '') return whenEmpty;
    const result = schema.safeParse(value);
    return result.success ? null : capitalise(result.error.issues[0]?.message ?? 'Check this value');
  };
}

/**
 * Puts the server's field errors (`body.email`) on the matching inputs and returns what is left
 * for a form-level alert, or null when the fields already say everything.
 */
export function applyServerErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
): string | null {
  if (!(error instanceof ApiError) || error.details.length === 0) return errorMessage(error);

  const fields = Object.keys(form.getValues());
  const fieldErrors: Record<string, string> = {};
  const leftOver: string[] = [];
  for (const { path, message } of error.details) {
    const field = path.replace(/^body\./, '').split('.')[0] ?? '';
    if (fields.includes(field)) fieldErrors[field] ??= capitalise(message);
    else leftOver.push(`${path.replace(/^(body|query)\./, '')}: ${message}`);
  }
  form.setErrors(fieldErrors);
  if (leftOver.length === 0) return null;
  return [error.message, ...leftOver].join(' — ');
}

/** Keyboard and screen-reader users land on the first thing to fix, not at the submit button. */
export function focusFirstInvalid(formElement: HTMLFormElement | null | undefined): void {
  requestAnimationFrame(() => formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
