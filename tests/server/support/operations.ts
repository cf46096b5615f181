import type { Express } from 'express';
import { Types } from 'mongoose';
import request from 'supertest';

/**
 * The operations of the API as its own OpenAPI document lists them. Tests that walk every
 * operation read this, so a new route is covered (or fails the test) without anyone remembering.
 */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI-style path, e.g. /api/v1/members/{memberId} */
  path: string;
  /** `security: []` means public; undefined would inherit the document's global requirement. */
  security: Array<Record<string, string[]>> | undefined;
  pathParams: string[];
  hasBody: boolean;
}

type OpenApiDocument = {
  security?: Array<Record<string, string[]>>;
  components?: { securitySchemes?: Record<string, unknown> };
  paths: Record<string, Record<string, { security?: Operation['security']; requestBody?: unknown }>>;
};

export async function openApiOf(app: Express): Promise<OpenApiDocument> {
  return (await request(app).get('/api/openapi.json').expect(200)).body as OpenApiDocument;
}

export async function operationsOf(app: Express): Promise<Operation[]> {
  const doc = await openApiOf(app);
  return Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      method: method as Operation['method'],
      path,
      security: op.security,
      pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      hasBody: op.requestBody !== undefined,
    })),
  );
}

/** "PATCH /api/v1/members/{memberId}": how operations are named in test tables and failures. */
export const nameOf = (op: Pick<Operation, 'method' | 'path'>) => `${op.method.toUpperCase()} ${op.path}`;

export const isPublic = (op: Operation) => Array.isArray(op.security) && op.security.length === 0;

/** Fills `{param}` from `values`; an unknown parameter throws, naming the operation. */
export function fillPath(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${nameOf(op)}: no value for the path parameter {${name}}`);
    return value;
  });
}

/** A valid-looking id that names nothing. */
export const unknownId = () => new Types.ObjectId().toHexString();

type Client = ReturnType<typeof request> | ReturnType<typeof request.agent>;

/** Calls an operation on `client` (the bare app or a signed-in agent), with `body` as JSON if given. */
export function call(client: Client, op: Operation, url: string, body?: object) {
  const test = client[op.method](url);
  return body === undefined ? test : test.send(body);
}
