/**
 * `repatria demo --people N --seed S [--reset]`: a deterministic, realistic population in the
 * store, with the shipped TPS reference data and the demo's return agreements and class order.
 */
import { existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Acting } from '../../application/authorize.js';
import { DEFAULT_NOTICE_DAYS } from '../../application/config.js';
import { network } from '../../application/network.js';
import { operations } from '../../application/operations.js';
import { DemoDetention, demoFacilities, demoFlights, demoQuotas, demoTransfers } from '../../demo/network.js';
import { demoPeople, demoProgram } from '../../demo/population.js';
import { airportsByCode } from '../../planner/airport-data.js';
import { operationsStore } from '../../store/operations-store.js';
import { demoProfile } from '../../demo/profiles.js';
import { KyselyIdentityStore } from '../../store/identity-store.js';
import { RepatriaError } from '../../domain/errors.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { positiveInt } from '../options.js';
import { CLI_ACTOR, seedReference } from '../reference-seed.js';
import { withNewOrExistingStore, type OpenedStore, type StoreConfig } from '../store-config.js';

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
  await withNewOrExistingStore(opts.store, io.now, async (store) => {
    await seedReference(store);
    await store.recordProgramFacts(demoProgram(), CLI_ACTOR);
    // Names, dates of birth and A-numbers, so that the API has personal data to mask.
    const profiles = new KyselyIdentityStore(store, io.now);
    let written = 0;
    let facts = 0;
    // The detained docket the demo network serves: custody and notices added to some people.
    const detention = new DemoDetention(seed);
    for (const made of demoPeople({ people, seed }, WRITE_BATCH)) {
      const batch = made.map((p) => detention.person(p));
      const summary = await store.addPeople(batch, CLI_ACTOR).catch((error: unknown) => {
        // Another population (a demo of another size or seed, or real data) is in the way.
        if (error instanceof RepatriaError && error.code === 'CONFLICT')
          throw new RepatriaError(
            'CONFLICT',
            `${error.message}: the store already holds other people. Give --reset to start a SQLite store afresh, or use another --db.`,
          );
        throw error;
      });
      await profiles.addProfiles(batch.map((p) => demoProfile(p.id, seed)), CLI_ACTOR);
      written += batch.length;
      facts += summary.facts;
      if (written % 50_000 === 0 || written === people) io.err(`\rdemo: ${written.toLocaleString('en-US')} / ${people.toLocaleString('en-US')} people`);
    }
    io.err('\n');
    const net = await seedNetwork(store, people, io.now);
    const seconds = ((io.now() - started) / 1000).toFixed(1);
    io.out(`demo: ${written.toLocaleString('en-US')} people, ${facts.toLocaleString('en-US')} new facts (seed ${seed}), ${net} in ${seconds} s\n`);
  });
}

const DEMO_NETWORK_ACTOR: Acting = { id: 'demo', role: 'admin' };

/**
 * The demo's flight network (src/demo/network.ts): facilities, transfers, flights and the
 * summer weekly quotas. Idempotent, so that `demo` can run again on the same store.
 */
async function seedNetwork(store: OpenedStore, people: number, now: () => number): Promise<string> {
  const opsStore = operationsStore(store);
  const ops = operations({ store: opsStore, clock: now, newId: randomUUID, config: { noticeDays: DEFAULT_NOTICE_DAYS } });
  const net = network({ store: opsStore, operations: ops, clock: now, newId: randomUUID, airports: airportsByCode });
  const actor = DEMO_NETWORK_ACTOR;

  const quotas = demoQuotas(people);
  const retracted = new Set(
    (await store.programFacts()).filter((f) => f.retractedAt !== undefined).map((f) => f.id),
  );
  for (const r of quotas.retractions) if (!retracted.has(r.factId)) await store.retract(r, CLI_ACTOR);
  await store.recordProgramFacts(quotas.facts, CLI_ACTOR);

  const { facilities, transfers } = await net.listFacilities(actor);
  const haveFacility = new Set(facilities.map((f) => f.id));
  const haveTransfer = new Set(transfers.map((t) => `${t.facility} ${t.airport} ${t.cost}`));
  for (const f of demoFacilities()) if (!haveFacility.has(f.id)) await net.registerFacility(actor, f);
  for (const t of demoTransfers())
    if (!haveTransfer.has(`${t.facility} ${t.airport} ${t.cost}`)) await net.recordTransfer(actor, t);
  const flights = demoFlights();
  const first = flights[0]!.date;
  const last = flights[flights.length - 1]!.date;
  const haveFlight = new Set((await net.listFlights(actor, first, last)).map((f) => f.id));
  for (const f of flights) if (!haveFlight.has(f.id)) await net.registerFlight(actor, f);
  return `${demoFacilities().length} facilities, ${flights.length} flights`;
}
