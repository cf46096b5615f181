import { ApiErrorBody, type ErrorCode, type ErrorDetail } from '@pulse/shared/errors';
import type { z } from 'zod';

/** Every failed API call surfaces as this, so screens branch on `code`, never on messages. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
}

/**
 * The only place the client talks HTTP. The session lives in an httpOnly cookie on the same
 * origin, so there is no token to attach. Responses are parsed with the shared schemas: a server
 * that drifts from the contract fails loudly here instead of rendering `undefined` somewhere.
 */
export async function apiFetch<T>(path: string, options: RequestOptions & { schema: z.ZodType<T> }): Promise<T>;
export async function apiFetch(path: string, options?: RequestOptions): Promise<void>;
export async function apiFetch<T>(
  path: string,
  { method = 'GET', body, query, signal, schema }: RequestOptions & { schema?: z.ZodType<T> } = {},
): Promise<T | void> {
  let response: Response;
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'service_unavailable', 'Pulse could not be reached. Check your connection and try again.');
  }

  if (!response.ok) throw await toApiError(response);
  if (!schema) return;

  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error);
    throw new ApiError(
      response.status,
      'internal_error',
      'Pulse sent an answer this page does not understand. Try reloading.',
    );
  }
  return parsed.data;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// A proxy or a crashed process may answer with HTML; the user still gets a readable message.
async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ApiErrorBody.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, details, requestId, retryAfterSeconds } = parsed.data.error;
    const wait = retryAfterSeconds ?? Number(response.headers.get('Retry-After') ?? NaN);
    const worded = code === 'rate_limited' && Number.isFinite(wait) ? tooManyAttempts(wait) : message;
    return new ApiError(response.status, code, worded, details, requestId);
  }
  if (response.status === 404) {
    return new ApiError(404, 'route_not_found', 'Pulse has nothing at this address. Try reloading the page.');
  }
  if (response.status >= 500) {
    return new ApiError(
      response.status,
      'service_unavailable',
      `Pulse hit a problem on its side (error ${response.status}). Try again in a moment.`,
    );
  }
  return new ApiError(
    response.status,
    'internal_error',
    'Pulse gave an answer this page does not understand. Try reloading.',
  );
}

/** "Too many attempts. Try again in 12 minutes." People plan in minutes, not seconds. */
function tooManyAttempts(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Too many attempts. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`;
}

export const isApiError = (error: unknown, code?: ErrorCode): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

/** A sentence for people, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Try again in a moment.';
}
