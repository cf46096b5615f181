import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import { ZodError } from 'zod';

import type { ApiErrorBody, ErrorCode } from '@pulse/shared/errors';

import { AppError } from './errors';

// body-parser signals its failures with a `type`; each maps to a stable client error.
const BODY_ERRORS: Record<string, [ErrorCode, string]> = {
  'entity.parse.failed': ['malformed_json', 'The request body is not valid JSON'],
  'encoding.invalid': ['malformed_json', 'The request body is not valid UTF-8'],
  'entity.too.large': ['payload_too_large', 'The request body is too large'],
  'encoding.unsupported': ['unsupported_media_type', 'The request body encoding is not supported'],
  'charset.unsupported': ['unsupported_media_type', 'The request body charset is not supported'],
  'request.size.invalid': ['validation_failed', 'The request body length does not match its header'],
};

function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    return new AppError(
      'validation_failed',
      'The request is not valid',
      err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  if (err instanceof mongoose.Error.CastError) {
    return new AppError('validation_failed', 'The request is not valid', [{ path: err.path, message: err.message }]);
  }
  if (err instanceof mongoose.Error.ValidationError) {
    return new AppError(
      'validation_failed',
      'The request is not valid',
      Object.entries(err.errors).map(([path, e]) => ({ path, message: e.message })),
    );
  }
  if ((err as { code?: number })?.code === 11000) return duplicateKey(err as DuplicateKeyError);
  const bodyError = BODY_ERRORS[(err as { type?: string })?.type ?? ''];
  if (bodyError) return new AppError(bodyError[0], bodyError[1]);
  // A corrupt gzip/deflate/br body: body-parser passes zlib's error on, marked as the client's 400.
  const bodyRead = err as { status?: number; expose?: boolean; errno?: number };
  if (bodyRead?.status === 400 && bodyRead.expose && typeof bodyRead.errno === 'number') {
    return new AppError('malformed_body', 'The request body could not be decompressed');
  }
  return undefined;
}

interface DuplicateKeyError {
  message: string;
  keyPattern?: Record<string, unknown>;
}

/**
 * A unique index refused a write: 409 naming the field. MongoDB says which key; FerretDB names
 * only the collection, so the field is read from that collection's one unique index. The tenant
 * key is left out of a compound index: "userId already exists" is what the caller can act on.
 */
function duplicateKey(err: DuplicateKeyError): AppError {
  const fields = Object.keys(err.keyPattern ?? {}).length
    ? Object.keys(err.keyPattern!)
    : uniqueIndexFields(/collection: [^.\s]+\.(\S+)/.exec(err.message)?.[1]);
  const named = fields.filter((f) => f !== 'organisationId');
  if (named.length === 0) return new AppError('conflict', 'That already exists');
  return new AppError(
    'conflict',
    `That ${named.join(' and ')} already exists`,
    named.map((path) => ({ path, message: 'already exists' })),
  );
}

function uniqueIndexFields(collection: string | undefined): string[] {
  if (!collection) return [];
  const model = mongoose
    .modelNames()
    .map((name) => mongoose.model(name))
    .find((m) => m.collection.collectionName === collection);
  const unique = (model?.schema.indexes() ?? []).filter(([, options]) => options?.unique);
  return unique.length === 1 ? Object.keys(unique[0]![0]) : [];
}

/** The one place errors become responses: known ones keep their code, the rest are a logged 500. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toAppError(err);
  const requestId = String(req.id);
  if (!known) req.log.error({ err }, 'unhandled error');
  const error = known ?? new AppError('internal_error', 'Something went wrong on our side');
  const body: ApiErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      details: error.details,
      retryAfterSeconds: error.retryAfterSeconds,
      requestId,
    },
  };
  if (res.headersSent) return;
  res.status(error.status).json(body);
};

export const routeNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('route_not_found', `No route for ${req.method} ${req.path}`));
};
