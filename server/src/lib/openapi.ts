import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';

/**
 * The OpenAPI 3.1 document. Every operation requires credentials unless it says `security: []`,
 * so a route cannot become public by forgetting something.
 */
export function buildOpenApiDocument(paths: ZodOpenApiPathsObject, publicUrl: string, sessionCookie: string) {
  // The server list is replaced per request (withServers), so "Try it out" calls the host the
  // reader opened; the configured public address is what the document says on its own.
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Pulse API',
      version: '1',
      // Generated from the registered routes, so it lists exactly what this server answers; the
      // description must not promise more.
      description:
        'Pulse, customer-experience feedback you host yourself. This document lists every endpoint this server ' +
        'runs. Teammates authenticate with the session cookie; servers with an API key as a Bearer token.',
    },
    servers: [{ url: publicUrl }],
    security: [{ sessionCookie: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: sessionCookie },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created on the API keys page' },
      },
    },
    paths,
  });
}

/**
 * The document as seen from `origin`, the address the reader opened it at, listed first; the
 * configured public address follows when it differs (e.g. the docs opened over a LAN address).
 */
export function withServers<Doc extends object>(document: Doc, origin: string, publicUrl: string): Doc {
  const servers = [{ url: origin, description: 'This address' }];
  if (new URL(publicUrl).origin !== origin) servers.push({ url: publicUrl, description: 'The configured PUBLIC_URL' });
  return { ...document, servers };
}
