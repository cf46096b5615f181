import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { Password } from '@pulse/shared/schemas/common';

/** Wherever a password is chosen, the rule the server enforces is stated up front, in one wording. */
export function NewPasswordInput(props: PasswordInputProps) {
  return (
    <PasswordInput
      description={`At least ${Password.minLength ?? 10} characters`}
      autoComplete="new-password"
      required
      {...props}
    />
  );
}
