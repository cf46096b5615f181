import type { ErrorCode, ErrorDetail } from '@pulse/shared/errors';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  malformed_body: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  route_not_found: 404,
  method_not_allowed: 405,
  not_found: 404,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_rejected: 403,
  email_unverified: 403,
  conflict: 409,
  rate_limited: 429,
  service_unavailable: 503,
  internal_error: 500,
};

/** The one error type services throw; the error middleware turns it into the wire shape. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/** Missing and "belongs to another organisation" must be indistinguishable. */
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
