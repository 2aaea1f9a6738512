/** `/health`, `/info` and `/openapi.json`: public, and free of anything internal. */
import { z } from 'zod';
import { ApiProblem } from '../problem.js';
import { PUBLIC, publicRoute } from '../route.js';
import { apiSchema } from '../schemas/registry.js';

const HealthSchema = apiSchema(
  'Health',
  z.object({ status: z.literal('ok'), checks: z.object({ database: z.literal('up') }) }),
);

export const getHealth = publicRoute({
  operationId: 'getHealth',
  method: 'GET',
  url: '/health',
  tag: 'system',
  summary: 'Whether the server and its database answer',
  description:
    '200 when they do; 503 (problem) when the database does not, so that a load balancer stops sending requests.',
  access: PUBLIC,
  status: 200,
  schemas: { response: HealthSchema },
  async handler(_input, ctx) {
    const up = await ctx.services.ping().catch(() => false);
    if (!up) throw new ApiProblem('unavailable', 'The database does not answer');
    return { status: 'ok' as const, checks: { database: 'up' as const } };
  },
});

const InfoSchema = apiSchema(
  'Info',
  z.object({
    name: z.literal('repatria'),
    version: z.string(),
    description: z.string(),
    documentation: z.object({ openapi: z.string(), interactive: z.string().nullable() }),
  }),
);

export const getInfo = publicRoute({
  operationId: 'getInfo',
  method: 'GET',
  url: '/info',
  tag: 'system',
  summary: 'What this server is and where its documentation is',
  access: PUBLIC,
  status: 200,
  schemas: { response: InfoSchema },
  handler(_input, ctx) {
    return Promise.resolve({
      name: 'repatria' as const,
      version: ctx.config.version,
      description: 'Lawful returns under return agreements: facts, decisions and their reasons.',
      documentation: { openapi: '/openapi.json', interactive: ctx.config.docs ? '/docs' : null },
    });
  },
});

export const getOpenApi = publicRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  url: '/openapi.json',
  tag: 'system',
  summary: 'This document (OpenAPI 3.1)',
  access: PUBLIC,
  status: 200,
  hidden: true,
  schemas: { response: z.looseObject({ openapi: z.string() }) },
  handler(_input, ctx) {
    return Promise.resolve(ctx.openApiDocument() as { openapi: string });
  },
});
