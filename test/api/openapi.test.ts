/**
 * The OpenAPI document: valid OpenAPI 3.1, one operation per declared route with its roles,
 * and a client generated from it (openapi-typescript) that type-checks against the server's
 * own zod-inferred types, both ways, for every request and response of every route.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApiConfig } from '../../src/api/config.js';
import { openApiPath } from '../../src/api/route.js';
import { ROUTE_LIST } from '../../src/api/routes/index.js';
import { buildServer } from '../../src/api/server.js';
import type { ApiServices } from '../../src/api/services.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');

/** The document needs no store: every service but the clock and the log throws if touched. */
const someServices: Partial<ApiServices> = { logDestination: { write: () => undefined }, clock: Date.now };
const noServices = new Proxy(someServices as ApiServices, {
  get: (target, key) => {
    if (key in target) return target[key as keyof ApiServices];
    throw new Error(`service ${String(key)} used while building the document`);
  },
});

let app: FastifyInstance;
let document: Record<string, unknown>;

beforeAll(async () => {
  app = await buildServer(noServices, parseApiConfig({ logLevel: 'silent' }));
  await app.ready();
  document = JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as Record<
    string,
    unknown
  >;
});
afterAll(async () => {
  await app.close();
});

type Operation = { operationId: string; 'x-roles': string[]; security?: unknown[] };
const operations = (): Map<string, Operation & { path: string; method: string }> => {
  const out = new Map<string, Operation & { path: string; method: string }>();
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Operation>>)) {
    for (const [method, op] of Object.entries(item)) out.set(op.operationId, { ...op, path, method });
  }
  return out;
};

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has one operation per declared route, with the roles it admits', () => {
    const ops = operations();
    const documented = ROUTE_LIST.filter((r) => r.hidden !== true);
    expect([...ops.keys()].sort()).toEqual(documented.map((r) => r.operationId).sort());
    for (const route of documented) {
      const op = ops.get(route.operationId)!;
      expect(op.path).toBe(openApiPath(route.url));
      expect(op.method).toBe(route.method.toLowerCase());
      expect(op['x-roles']).toEqual(route.access.kind === 'public' ? ['public'] : route.access.roles);
    }
  });

  it('is served by the server with the interactive docs beside it', async () => {
    const docs = await app.inject({ method: 'GET', url: '/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
  });

  it('gives a client whose types match the server’s own, both ways', async () => {
    const dir = join(ROOT, '.tmp', `openapi-client-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'openapi.ts'), astToString(await openapiTS(JSON.stringify(document))));
      const checks = ROUTE_LIST.filter((r) => r.hidden !== true).flatMap((route) => {
        const id = route.operationId;
        const op = `operations['${id}']`;
        const mediaType = 'produces' in route ? route.produces : 'application/json';
        const lines = [
          `export const ${id}Response: Same<Res<'${id}'>, ${op}['responses'][${route.status}]['content']['${mediaType}']> = true;`,
        ];
        if (route.schemas.body !== undefined) {
          lines.push(
            `export const ${id}Body: Same<Body<'${id}'>, ${op}['requestBody']['content']['application/json']> = true;`,
          );
        }
        if (route.schemas.query !== undefined) {
          lines.push(
            `export const ${id}Query: Same<Query<'${id}'>, NonNullable<${op}['parameters']['query']>> = true;`,
          );
        }
        if (route.schemas.params !== undefined) {
          lines.push(`export const ${id}Path: Same<Params<'${id}'>, ${op}['parameters']['path']> = true;`);
        }
        return lines;
      });
      writeFileSync(
        join(dir, 'client.ts'),
        [
          "import type { z } from 'zod';",
          "import type { operations } from './openapi.js';",
          "import type { API_ROUTES } from '../../src/api/routes/index.js';",
          '',
          '/** Mutual assignability (a client value fits the server and back); `any` on either side fails. */',
          'type IsAny<T> = 0 extends 1 & T ? true : false;',
          'type Same<A, B> = IsAny<A> extends true ? false : IsAny<B> extends true ? false : [A] extends [B] ? ([B] extends [A] ? true : false) : false;',
          'type Routes = typeof API_ROUTES;',
          "type Res<K extends keyof Routes> = z.output<Routes[K]['schemas']['response']>;",
          "type Body<K extends keyof Routes> = Routes[K]['schemas'] extends { body: infer B extends z.ZodType } ? z.input<B> : never;",
          "type Query<K extends keyof Routes> = Routes[K]['schemas'] extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;",
          "type Params<K extends keyof Routes> = Routes[K]['schemas'] extends { params: infer P extends z.ZodType } ? z.input<P> : never;",
          '',
          ...checks,
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: '../../tsconfig.json',
          compilerOptions: { noEmit: true, rootDir: '../..' },
          include: ['client.ts'],
        }),
      );
      const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = await run(process.execPath, [tsc, '--noEmit', '-p', join(dir, 'tsconfig.json')], {
        cwd: ROOT,
      }).catch((error: unknown) => {
        const failed = error as { stdout?: string; stderr?: string };
        return { stdout: failed.stdout ?? '', stderr: failed.stderr ?? 'tsc failed' };
      });
      expect(`${result.stdout}${result.stderr}`).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
