/**
 * `node --import tsx bench/_sweep-generate.ts FILE PEOPLE`: writes the benchmark population
 * into a fresh SQLite store through the store's own bulk path (`addPeople`), with the
 * reference TPS data and the demo programme. Run in a child process by bench/sweep.ts, so
 * that the generator's memory does not count in the engine's peak.
 */
import { existsSync, rmSync } from 'node:fs';
import { CLI_ACTOR, seedReference } from '../src/cli/reference-seed.js';
import { demoProgram } from '../src/demo/population.js';
import { openStore } from '../src/store/open-store.js';
import { benchPeople } from './_sweep-population.js';

const [file, count] = process.argv.slice(2);
if (file === undefined || count === undefined) throw new Error('usage: _sweep-generate.ts FILE PEOPLE');
const people = Number(count);
for (const suffix of ['', '-wal', '-shm', '.sweep']) if (existsSync(file + suffix)) rmSync(file + suffix);

const started = performance.now();
const store = await openStore({ dbPath: file });
try {
  await seedReference(store);
  await store.recordProgramFacts(demoProgram(), CLI_ACTOR);
  let written = 0;
  let facts = 0;
  for (const batch of benchPeople(people, 1)) {
    facts += (await store.addPeople(batch, CLI_ACTOR)).facts;
    written += batch.length;
    if (written % 100_000 === 0) process.stderr.write(`\rgenerate: ${written.toLocaleString('en-US')} / ${people.toLocaleString('en-US')} people`);
  }
  process.stderr.write('\n');
  process.stdout.write(JSON.stringify({ people: written, facts, seconds: (performance.now() - started) / 1000 }) + '\n');
} finally {
  await store.close();
}
