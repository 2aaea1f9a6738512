/**
 * Vitest global setup: a PostgreSQL database for the integration tests.
 *
 * With `DATABASE_URL` set, the tests use that server. Otherwise this starts a throwaway
 * cluster from the Debian `postgresql` package (highest version under /usr/lib/postgresql),
 * on a free loopback port with its socket in a temp dir, trust auth and no fsync, and stops
 * and removes it afterwards. `initdb` refuses to run as root, so as root the cluster is
 * created and run as the `postgres` user.
 *
 * Tests read the URL with `inject('databaseUrl')` (also in REPATRIA_TEST_DATABASE_URL).
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster.js';

const DATABASE = 'repatria_test';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL URL of a database the tests may create schemas in. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.DATABASE_URL;
  if (given !== undefined && given !== '') {
    project.provide('databaseUrl', given);
    process.env.REPATRIA_TEST_DATABASE_URL = given;
    return undefined;
  }
  const cluster = await startCluster({ database: DATABASE });
  project.provide('databaseUrl', cluster.url);
  process.env.REPATRIA_TEST_DATABASE_URL = cluster.url;
  return cluster.stop;
}
