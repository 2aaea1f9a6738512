/**
 * How to start a worker thread on a module that lies beside the caller: the built `.js` file
 * when running from dist/, or, when running from the TypeScript sources (tests, benches,
 * through tsx, whose loader a worker does not inherit), a bootstrap that registers tsx in the
 * worker first.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `name`: the module's file name without extension; `caller`: the caller's `import.meta.url`. */
export function workerSource(name: string, caller: string): { source: string | URL; evaluated: boolean } {
  const extension = extname(fileURLToPath(caller));
  const url = new URL(`./${name}${extension}`, caller);
  if (extension !== '.ts') return { source: url, evaluated: false };
  // Resolved here, not in the worker, so that the bootstrap does not depend on the working directory.
  const tsx = import.meta.resolve('tsx/esm/api');
  return { source: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, evaluated: true };
}
