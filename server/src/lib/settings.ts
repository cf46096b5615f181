/**
 * The few process-wide values services need besides (ctx, input): where people reach Pulse
 * (links in mail), the key that hashes tokens, the system sender. Bound once at boot by the API
 * and the worker (and by each test harness) from the parsed config.
 */
export interface Settings {
  publicUrl: string;
  secretKey: string;
  mailFrom: string;
}

let current: Settings | undefined;

export function bindSettings(settings: Settings): void {
  current = { ...settings };
}

export function settings(): Settings {
  if (!current) throw new Error('settings are not bound: call bindSettings() at boot');
  return current;
}
