import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';

import { ApiErrorBody } from '@pulse/shared/errors';

import type { Ctx, PublicCtx } from './context';
import { AppError } from './errors';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHOD_ORDER = ['get', 'head', 'post', 'put', 'patch', 'delete'] as const;
type Empty = z.ZodObject<Record<string, never>>;

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json when a schema is given. */
  contentType?: string;
}

export interface RouteSpec<
  A,
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  X extends 'public' | A = 'public' | A,
> {
  method: Method;
  /** Express-style path, e.g. /api/v1/surveys/:surveyId */
  path: string;
  summary: string;
  tags: string[];
  /** 'public' operations need no credentials; anything else goes through the registry's guard. */
  access: X;
  body?: B;
  query?: Q;
  params?: P;
  responses: Record<number, RouteResponse>;
  /**
   * Runs after the guard and validation, e.g. a rate limit: a request refused for its input or
   * its credentials has not spent anyone's budget.
   */
  before?: RequestHandler[];
  handler: (
    input: {
      body: z.output<B>;
      query: z.output<Q>;
      params: z.output<P>;
      /** Built once per request, after the guard: services take it first. */
      ctx: X extends 'public' ? PublicCtx : Ctx;
    },
    req: Request,
    res: Response,
  ) => unknown;
}

export interface SecurityRequirement {
  [scheme: string]: string[];
}

export interface ApiRegistryOptions<A> {
  /** Authentication and authorisation middleware for a non-public access rule. */
  guard: (access: A) => RequestHandler[];
  /** How a non-public access rule reads in OpenAPI. */
  security: (access: A) => SecurityRequirement[];
  /** The organisation and actor the guard established for this request. */
  identity: (req: Request) => Pick<Ctx, 'organisationId' | 'actor'>;
  /**
   * Development and tests: every JSON body a handler sends is parsed against the response
   * declared for its status, and one that does not match becomes a logged 500, so the OpenAPI
   * document cannot lie. Off in production, where a client gets the body rather than an error.
   */
  checkResponses?: boolean;
}

/** A handler answered with something its route does not declare. */
export class ResponseContractError extends Error {
  constructor(
    route: string,
    status: number,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(
      `${route} answered ${status} with a body its declared response does not match: ` +
        issues.map((i) => `${i.path || '(root)'} ${i.message}`).join('; '),
    );
    this.name = 'ResponseContractError';
  }
}

/**
 * Routes are registered together with their zod schemas, so the same declaration validates the
 * request and documents the operation: nothing reaches the API undocumented.
 */
export function createApiRegistry<A>(options: ApiRegistryOptions<A>) {
  const router = Router();
  const paths: ZodOpenApiPathsObject = {};
  const registered: Array<{ method: Method; pattern: RegExp }> = [];

  function route<
    B extends z.ZodType = Empty,
    Q extends z.ZodType = Empty,
    P extends z.ZodType = Empty,
    X extends 'public' | A = 'public' | A,
  >(spec: RouteSpec<A, B, Q, P, X>): void {
    const isPublic = spec.access === 'public';
    const guards = isPublic ? [] : options.guard(spec.access as A);
    const validate: RequestHandler = (req, res, next) => {
      const base: PublicCtx = { ip: req.ip ?? null, requestId: String(req.id), log: req.log };
      res.locals.input = {
        body: parse('body', spec.body, req.body ?? {}),
        query: parse('query', spec.query, req.query),
        params: parse('params', spec.params, req.params),
        ctx: isPublic ? base : { ...base, ...options.identity(req) },
      };
      next();
    };
    router[spec.method](spec.path, ...guards, validate, ...(spec.before ?? []), async (req, res) => {
      if (options.checkResponses) checkJsonAgainst(`${spec.method.toUpperCase()} ${spec.path}`, spec.responses, res);
      await spec.handler(res.locals.input as Parameters<typeof spec.handler>[0], req, res);
    });
    registered.push({ method: spec.method, pattern: patternOf(spec.path) });
    document(spec);
  }

  /** After the router: a known path called with another method answers 405 with the methods it has. */
  const methodNotAllowed: RequestHandler = (req, res, next) => {
    const methods = new Set<string>(registered.filter((r) => r.pattern.test(req.path)).map((r) => r.method));
    if (methods.size === 0) return next();
    const allow = METHOD_ORDER.filter((m) => methods.has(m) || (m === 'head' && methods.has('get')))
      .map((m) => m.toUpperCase())
      .join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('method_not_allowed', `${req.method} is not allowed on ${req.path}; it answers ${allow}`));
  };

  function document<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType, X extends 'public' | A>(
    spec: RouteSpec<A, B, Q, P, X>,
  ) {
    const openApiPath = spec.path.replace(/:(\w+)/g, '{$1}');
    const operation: ZodOpenApiOperationObject = {
      operationId: `${spec.method}${openApiPath.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string = '') => c.toUpperCase())}`,
      summary: spec.summary,
      tags: spec.tags,
      security: spec.access === 'public' ? [] : options.security(spec.access as A),
      requestParams: {
        ...(spec.params && { path: spec.params as unknown as z.ZodObject }),
        ...(spec.query && { query: spec.query as unknown as z.ZodObject }),
      },
      ...(spec.body && { requestBody: { content: { 'application/json': { schema: spec.body } } } }),
      responses: {
        ...Object.fromEntries(
          Object.entries(spec.responses).map(([status, r]) => [
            status,
            {
              description: r.description,
              ...(r.schema && { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } }),
            },
          ]),
        ),
        default: { description: 'Error', content: { 'application/json': { schema: ApiErrorBody } } },
      },
    };
    paths[openApiPath] = { ...paths[openApiPath], [spec.method]: operation };
  }

  return { router, paths, route, methodNotAllowed };
}

export type ApiRegistry<A> = ReturnType<typeof createApiRegistry<A>>;

/** `/api/v1/members/:memberId` → a RegExp matching `/api/v1/members/<anything but a slash>`. */
function patternOf(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+');
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Wraps `res.json` for one request: a success body (status below 400) must be declared for its
 * status and match that schema, as it reads on the wire (dates and ids serialised). Error bodies
 * come from the error middleware, whose shape is ApiErrorBody by construction.
 */
function checkJsonAgainst(route: string, responses: Record<number, RouteResponse>, res: Response) {
  const send = res.json.bind(res);
  res.json = (body: unknown) => {
    const status = res.statusCode;
    if (status >= 400) return send(body);
    const declared = responses[status];
    if (!declared) {
      throw new ResponseContractError(route, status, [{ path: '', message: 'is a status the route does not declare' }]);
    }
    if (declared.schema && (declared.contentType ?? 'application/json').includes('json')) {
      const result = declared.schema.safeParse(JSON.parse(JSON.stringify(body ?? null)));
      if (!result.success) {
        throw new ResponseContractError(
          route,
          status,
          result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        );
      }
    }
    return send(body);
  };
}

function parse<T extends z.ZodType | undefined>(where: string, schema: T, value: unknown) {
  if (!schema) return {};
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError(
    'validation_failed',
    'The request is not valid',
    result.error.issues.flatMap(unionBranch).map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

/**
 * A body that fits no option of a union (one interaction, or `{ interactions: [...] }`) would be
 * reported as one "Invalid input" at its root. The option it was meant as is the one with no
 * complaint about the root itself (an unknown or missing key there); its issues name the field.
 */
function unionBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [issue];
  const atRoot = (issues: z.core.$ZodIssue[]) =>
    issues.filter((i) => i.path.length === 0 || (i.code === 'invalid_type' && i.path.length === 1)).length;
  const best = [...issue.errors].sort((a, b) => atRoot(a) - atRoot(b) || a.length - b.length)[0]!;
  if (atRoot(best) === atRoot(issue.errors.find((e) => e !== best) ?? [])) return [issue];
  return best.flatMap(unionBranch).map((i) => ({ ...i, path: [...issue.path, ...i.path] }));
}
