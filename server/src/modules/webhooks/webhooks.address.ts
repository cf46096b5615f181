import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import ipaddr from 'ipaddr.js';

import { AppError } from '../../lib/errors';

let allowPrivate = false;

/**
 * Whether endpoints may sit on loopback or private addresses. Off unless configured
 * (WEBHOOK_ALLOW_PRIVATE): otherwise anyone allowed to add an endpoint could make
 * Pulse post to its own network (SSRF). Tests with local receivers turn it on.
 */
export function configureWebhookAddresses(opts: { allowPrivate: boolean }) {
  allowPrivate = opts.allowPrivate;
}

/** Public unicast only: loopback, private, link-local, mapped and reserved ranges are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

export class UnsafeAddressError extends Error {}

/**
 * The addresses a delivery may connect to. Checked on every delivery, not only when the endpoint
 * is saved (a name may resolve elsewhere later), and the connection then uses exactly the address
 * checked, so a second lookup cannot swap it.
 */
export async function resolveSafely(url: URL): Promise<{ address: string; family: 4 | 6 }> {
  const host = bare(url.hostname);
  const literal = isIP(host);
  const found = literal
    ? [{ address: host, family: literal as 4 | 6 }]
    : ((await lookup(host, { all: true })) as Array<{ address: string; family: 4 | 6 }>);
  const unsafe = found.find((a) => !isPublicAddress(a.address));
  if (unsafe && !allowPrivate)
    throw new UnsafeAddressError(`${host} resolves to ${unsafe.address}, which is not public`);
  return found[0]!;
}

/** Refuses an endpoint URL that could only reach Pulse's own network, with the field's path. */
export async function assertSafeUrl(raw: string, path = 'body.url'): Promise<void> {
  const url = new URL(raw);
  const host = bare(url.hostname).toLowerCase();
  const refuse = (message: string) =>
    new AppError('validation_failed', 'The webhook URL is not allowed', [{ path, message }]);
  if (allowPrivate) return;
  if (host === 'localhost' || host.endsWith('.localhost')) throw refuse('must not point at this machine');
  try {
    await resolveSafely(url);
  } catch (err) {
    if (err instanceof UnsafeAddressError) throw refuse('must be a public address, not a private or loopback one');
    throw refuse('must be a host name that resolves');
  }
}
