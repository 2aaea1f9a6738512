/**
 * Writes the web UI's API types (web/src/api/schema.d.ts) from the server's own OpenAPI
 * document, built in-process from the route table: no running server, no store. Run it
 * (`npm run gen:client`) whenever a route or schema changes; the UI's type check then shows
 * every page the change affects.
 */
import { writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';
import { parseApiConfig } from '../src/api/config.js';
import { buildServer } from '../src/api/server.js';
import type { ApiServices } from '../src/api/services.js';

const OUT = new URL('../web/src/api/schema.d.ts', import.meta.url);

/** Building the document touches no service but the log; any other use is a bug here. */
const someServices: Partial<ApiServices> = { logDestination: { write: () => undefined }, clock: Date.now };
const noServices = new Proxy(someServices as ApiServices, {
  get: (target, key) => {
    if (key in target) return target[key as keyof ApiServices];
    throw new Error(`service ${String(key)} used while building the document`);
  },
});

const app = await buildServer(noServices, parseApiConfig({ logLevel: 'silent', docs: false }));
try {
  await app.ready();
  const response = await app.inject({ method: 'GET', url: '/openapi.json' });
  const document: unknown = JSON.parse(response.body);
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0]);
  const header = [
    '/**',
    " * Generated from the server's OpenAPI document by scripts/gen-client.ts (`npm run gen:client`).",
    ' * Do not edit: change the route or its schema, then generate again.',
    ' */',
    '',
  ].join('\n');
  writeFileSync(OUT, header + astToString(ast));
  const paths = Object.keys((document as { paths: Record<string, unknown> }).paths).length;
  process.stdout.write(`wrote web/src/api/schema.d.ts (${paths} paths)\n`);
} finally {
  await app.close();
}
