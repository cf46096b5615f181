import type { Service } from '../../scripts/lib/services';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as { __pulseServices?: Array<Pick<Service, 'stop'>> }).__pulseServices ?? [];
  await Promise.all(started.map((s) => s.stop()));
}
