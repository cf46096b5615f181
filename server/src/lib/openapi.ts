import { createDocument, type ZodOpenApiPathsObject } from 'zod-openapi';

export const SESSION_COOKIE = 'pulse.sid';

/**
 * The OpenAPI 3.1 document. Every operation requires credentials unless it says `security: []`,
 * so a route cannot become public by forgetting something.
 */
export function buildOpenApiDocument(paths: ZodOpenApiPathsObject, publicUrl: string) {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Pulse API',
      version: '1',
      description:
        'Customer-experience feedback: surveys, invitations, responses and analytics. ' +
        'Teammates authenticate with the session cookie; servers with an API key as a Bearer token.',
    },
    servers: [{ url: publicUrl }],
    security: [{ sessionCookie: [] }, { apiKey: [] }],
    components: {
      securitySchemes: {
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key created in Settings → API keys' },
      },
    },
    paths,
  });
}
