import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useEffect, useState } from 'react';

import type { PasswordStrength } from '@pulse/shared/passwords/strength';
import { Password } from '@pulse/shared/schemas/common';

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/**
 * Wherever a password is chosen, the rule the server enforces is stated up front, and a hint
 * rates the password as typed with the very estimator the server uses. Its dictionaries are
 * large, so they load only once someone starts typing here.
 */
export function NewPasswordInput(props: PasswordInputProps) {
  const value = typeof props.value === 'string' ? props.value : '';
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  useEffect(() => {
    let current = true;
    if (!value) return;
    const timer = setTimeout(() => {
      void import('@pulse/shared/passwords/strength').then((m) => current && setStrength(m.passwordStrength(value)));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value]);
  const hint =
    value && strength
      ? `${LABELS[strength.score]}${strength.acceptable ? '' : ': too easy to guess'}. ${strength.warning ?? ''}`
      : `At least ${Password.minLength ?? 10} characters, hard to guess`;
  return (
    <PasswordInput
      description={<span aria-live="polite">{hint.trim()}</span>}
      autoComplete="new-password"
      required
      {...props}
    />
  );
}
