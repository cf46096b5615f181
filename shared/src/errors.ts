import { z } from 'zod';

/** Stable machine-readable error codes. Clients branch on these, never on messages. */
export const ErrorCode = z.enum([
  'validation_failed',
  'malformed_json',
  'malformed_body',
  'payload_too_large',
  'unsupported_media_type',
  'route_not_found',
  'method_not_allowed',
  'not_found',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_rejected',
  /** The signed-in person must confirm their email address first (for example, to invite). */
  'email_unverified',
  'conflict',
  'rate_limited',
  'service_unavailable',
  'internal_error',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One failing input: where it is (`body.email`, `query.limit`) and what is wrong with it. */
export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/** The wire shape of every error the API answers with. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
    /** With rate_limited: how long until the next attempt is accepted (also the Retry-After header). */
    retryAfterSeconds: z.number().int().min(0).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
