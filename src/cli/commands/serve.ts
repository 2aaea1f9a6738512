/**
 * `repatria serve [--port 8080] [--host 127.0.0.1] [--db PATH | DATABASE_URL] [--demo-users]`:
 * the HTTP API until SIGINT or SIGTERM, then a graceful shutdown — no new connections,
 * in-flight requests finished, the store closed.
 */
import { z } from 'zod';
import { DOCS_PREFIX, serverConfig, startServer, type ServeFlags } from '../../main/server.js';
import { requireStoreFile } from '../../store/store-file.js';
import { UsageError } from '../exit.js';
import type { CliDeps } from '../program.js';
import { renderTable } from '../table.js';

/** Resolves on the first SIGINT or SIGTERM. */
function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runServe(
  flags: ServeFlags,
  deps: Pick<CliDeps, 'io' | 'env'>,
  until: () => Promise<unknown> = shutdownSignal,
): Promise<void> {
  const { io } = deps;
  let config;
  try {
    config = serverConfig(flags, deps.env);
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new UsageError(`invalid server setting:\n${z.prettifyError(error)}`);
    throw error;
  }
  // Serving is not documented to create a store (demo, import and `user add` are): a mistyped
  // --db or REPATRIA_DB would otherwise serve a new, empty store that no one can sign in to.
  if (config.databaseUrl === undefined) requireStoreFile(config.dbPath);
  const running = await startServer(config);
  const stopped = until();
  const url = running.url;
  io.out(`Repatria API listening on ${url}\n`);
  if (running.webUi) io.out(`  web UI         ${url}/\n`);
  io.out(
    `  documentation  ${url}${DOCS_PREFIX}\n  OpenAPI        ${url}/openapi.json\n  health         ${url}/health\n`,
  );
  if (running.demoSignIns.length > 0) {
    io.out(
      `\nDemo sign-ins (the web UI at ${url}/, POST ${url}/sessions with {"username","password"}, or Authorize in the docs):\n\n`,
    );
    io.out(
      renderTable(
        ['role', 'username', 'password'],
        running.demoSignIns.map((s) => [s.role, s.username, s.password]),
      ),
    );
    io.out(
      `\nFor example:\n  curl -i -c cookies.txt -H 'content-type: application/json' \\\n    -d '{"username":"officer","password":"${running.demoSignIns.find((s) => s.role === 'officer')?.password ?? ''}"}' ${url}/sessions\n  curl -b cookies.txt ${url}/people/P0000001/decision\n`,
    );
  }
  io.out('\nReady. Press Ctrl+C to stop.\n');
  await stopped;
  io.err('shutting down: finishing requests in flight…\n');
  await running.close();
  io.err('stopped\n');
}
