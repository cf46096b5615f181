import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import type { z } from 'zod';

import { ApiError, errorMessage } from './api-client';
import { fieldPathOf } from './field-path';

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
 * How a form words a failure it expects: on the field it concerns (a dotted path for nested
 * values, e.g. `questions.0.text`), or above the form.
 */
type FormFailure = { field: string; message: string } | { message: string };

interface FormSubmitOptions {
  /** Words the failures this form expects better than the server's generic message would. */
  explain?: (error: unknown) => FormFailure | undefined;
  /** Which part of the server's error paths the form's values stand for (see fieldPathOf). */
  errorRoot?: string;
}

/**
 * The submit handler every form shares. The browser checks first; then `send` makes the request
 * and does whatever success means. If it throws, the server's field errors land on the inputs,
 * the rest in `formError`, and focus moves to the first thing to fix.
 */
export function useFormSubmit<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  send: (values: Values) => Promise<unknown>,
  { explain, errorRoot = 'body' }: FormSubmitOptions = {},
) {
  const [formError, setFormError] = useState<string | null>(null);

  const showFailure = (error: unknown, formElement: HTMLFormElement | undefined) => {
    const failure = explain?.(error);
    if (!failure) setFormError(applyServerErrors(form, error, errorRoot));
    else if ('field' in failure) form.setFieldError(failure.field, failure.message);
    else setFormError(failure.message);
    focusFirstInvalid(formElement);
  };

  const handleSubmit = form.onSubmit(
    (values, event) => {
      const formElement = event?.currentTarget;
      setFormError(null);
      send(values).catch((error: unknown) => showFailure(error, formElement));
    },
    (_errors, _values, event) => {
      // The last server answer no longer describes what is on screen: only the new field errors do.
      setFormError(null);
      focusFirstInvalid(event?.currentTarget);
    },
  );

  /** For forms in modals: nothing typed, and no old error, is there when it opens again. */
  const reset = () => {
    form.reset();
    setFormError(null);
  };

  return { handleSubmit, formError, reset };
}

/**
 * Puts the server's field errors (`body.email`, `body.definition.questions.0.text`) on the
 * matching inputs and returns what is left for a form-level alert, or null when the fields
 * already say everything.
 */
function applyServerErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  error: unknown,
  errorRoot: string,
): string | null {
  if (!(error instanceof ApiError) || error.details.length === 0) return errorMessage(error);

  const values = form.getValues();
  const fieldErrors: Record<string, string> = {};
  const leftOver: string[] = [];
  for (const { path, message } of error.details) {
    const field = fieldPathOf(path, values, errorRoot);
    if (field !== null) fieldErrors[field] ??= capitalise(message);
    else leftOver.push(`${path.replace(/^(body|query|params)\./, '')}: ${message}`);
  }
  form.setErrors(fieldErrors);
  if (leftOver.length === 0) return null;
  return [error.message, ...leftOver].join(' — ');
}

/** Keyboard and screen-reader users land on the first thing to fix, not at the submit button. */
function focusFirstInvalid(formElement: HTMLFormElement | null | undefined): void {
  requestAnimationFrame(() => formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Problems by nested path (`primary.text`, `followUps.2.options.0.label`), for editors of nested data. */
export type FieldErrors = Record<string, string>;

/**
 * The server's field errors under `prefix` (e.g. `body.definition.`) keyed by the rest of their
 * path, so each lands at its field however deep; the first message per path wins.
 */
export function nestedFieldErrors(error: unknown, prefix: string): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const { path, message } of error.details) {
    if (path.startsWith(prefix)) errors[path.slice(prefix.length)] ??= capitalise(message);
  }
  return errors;
}

/** The same map from a shared zod schema checked in the browser, before anything is sent. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.map(String).join('.')] ??= capitalise(issue.message);
  return errors;
}

/** Errors at `path` or below it, e.g. to flag the tab or card that holds them. */
export const errorsUnder = (errors: FieldErrors, path: string): string[] =>
  Object.entries(errors)
    .filter(([p]) => p === path || p.startsWith(`${path}.`))
    .map(([, message]) => message);
