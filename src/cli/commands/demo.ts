/**
 * `repatria demo --people N --seed S [--reset]`: a deterministic, realistic population in the
 * store, with the shipped TPS reference data and the demo's return agreements and class order.
 */
import { existsSync, rmSync } from 'node:fs';
import { demoPeople, demoProgram } from '../../demo/population.js';
import { demoProfile } from '../../demo/profiles.js';
import { KyselyIdentityStore } from '../../store/identity-store.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { positiveInt } from '../options.js';
import { CLI_ACTOR, seedReference } from '../reference-seed.js';
import { withStore, type StoreConfig } from '../store-config.js';

/** Batches written per transaction: large enough to amortise the commit, small enough for memory. */
const WRITE_BATCH = 5_000;

export async function runDemo(
  opts: { people: string; seed: string; reset?: boolean | undefined; store: StoreConfig },
  io: CliIo,
): Promise<void> {
  const people = positiveInt('--people', opts.people, 10_000);
  if (!/^-?\d+$/.test(opts.seed)) throw new UsageError(`option --seed: "${opts.seed}" is not a whole number`);
  const seed = Number(opts.seed);
  if (opts.reset === true) {
    if (opts.store.databaseUrl !== undefined && opts.store.databaseUrl !== '') {
      throw new UsageError('--reset empties only a SQLite file; use a fresh PostgreSQL database instead');
    }
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(opts.store.dbPath + suffix)) rmSync(opts.store.dbPath + suffix);
    }
  }
  const started = io.now();
  await withStore(opts.store, io.now, async (store) => {
    await seedReference(store);
    await store.recordProgramFacts(demoProgram(), CLI_ACTOR);
    // Names, dates of birth and A-numbers, so that the API has personal data to mask.
    const profiles = new KyselyIdentityStore(store, io.now);
    let written = 0;
    let facts = 0;
    for (const batch of demoPeople({ people, seed }, WRITE_BATCH)) {
      const summary = await store.addPeople(batch, CLI_ACTOR);
      await profiles.addProfiles(batch.map((p) => demoProfile(p.id, seed)), CLI_ACTOR);
      written += batch.length;
      facts += summary.facts;
      if (written % 50_000 === 0 || written === people) io.err(`\rdemo: ${written.toLocaleString('en-US')} / ${people.toLocaleString('en-US')} people`);
    }
    io.err('\n');
    const seconds = ((io.now() - started) / 1000).toFixed(1);
    io.out(`demo: ${written.toLocaleString('en-US')} people, ${facts.toLocaleString('en-US')} new facts (seed ${seed}) in ${seconds} s\n`);
  });
}
