import { hash, verify } from '@node-rs/argon2';

import { passwordStrength } from '@pulse/shared/passwords/strength';

import { AppError } from './errors';

// OWASP's argon2id recommendation: 19 MiB of memory, 2 iterations, 1 lane.
// (algorithm 2 is Argon2id; the package exports it as a const enum that isolated modules cannot read.)
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// Verified against when the account does not exist, so an unknown email costs the same time.
let dummy: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await (dummy ??= hashPassword('pulse-timing-equaliser')));
  const ok = await verify(target, password).catch(() => false);
  return storedHash !== undefined && ok;
}

/**
 * A new password must be hard to guess (zxcvbn-ts, with the person's own details as known
 * words) and, when there is one, differ from the current password. Refused with the field path.
 */
export async function assertAcceptableNewPassword(
  password: string,
  options: { path: string; userInputs: string[]; currentHash?: string },
): Promise<void> {
  const strength = passwordStrength(password, options.userInputs);
  if (!strength.acceptable) {
    const why = [strength.warning, strength.suggestions[0]].filter(Boolean).join(' ');
    throw new AppError('validation_failed', 'Choose a password that is harder to guess', [
      { path: options.path, message: `is too easy to guess${why ? `: ${why}` : ''}` },
    ]);
  }
  if (options.currentHash && (await verifyPassword(options.currentHash, password))) {
    throw new AppError('validation_failed', 'Choose a password you do not use now', [
      { path: options.path, message: 'must differ from the current password' },
    ]);
  }
}
