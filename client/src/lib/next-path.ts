const AUTH_PAGES = ['/login', '/signup'];

/**
 * Where to go after signing in. Only same-origin paths are followed: `?next=https://evil.test`
 * or `//evil.test` would otherwise turn the login form into an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (AUTH_PAGES.some((page) => next === page || next.startsWith(`${page}?`))) return '/';
  return next;
}

/** The login URL that brings the user back to `path` afterwards. */
export const loginPathFor = (path: string): string =>
  path === '/' ? '/login' : `/login?next=${encodeURIComponent(path)}`;
