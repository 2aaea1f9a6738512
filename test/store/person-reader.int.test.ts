/**
 * The API's prepared reads answer exactly as the fact store does, on both databases: every
 * person of a demo population (retracted facts included), a person with no facts, an
 * unknown id, and the last seq (alone, and read with a person); read one at a time, and
 * many in one turn (more than one statement's worth, with repeats and unusual ids), which
 * are read together.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { demoPeople, demoProgram } from '../../src/demo/population.js';
import { MAX_PEOPLE_PER_READ, PreparedPersonReader } from '../../src/store/person-reader.js';
import { StoreFactory } from '../api/harness.js';

const stores = new StoreFactory(inject('databaseUrl'));
afterAll(() => stores.cleanUp());
const actor = { id: 'test', role: 'admin' };

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`prepared person reads (${dialect})`, () => {
    it('match FactStore.getPerson and lastSeq', async () => {
      const store = await stores.open(dialect);
      try {
        const reader = new PreparedPersonReader(store);
        expect(await reader.lastSeq()).toBe(0);
        await store.recordProgramFacts(demoProgram(), actor);
        const ids: string[] = [];
        for (const batch of demoPeople({ people: 300, seed: 7 }, 100)) {
          await store.addPeople(batch, actor);
          ids.push(...batch.map((p) => p.id));
        }
        await store.addPeople([{ id: 'EMPTY', facts: [] }], actor);
        let retracted = 0;
        for (const id of [...ids, 'EMPTY', 'NOBODY']) {
          const expected = await store.getPerson(id);
          expect(await reader.getPerson(id)).toStrictEqual(expected);
          retracted += expected?.facts.filter((f) => f.retractedAt !== undefined).length ?? 0;
        }
        expect(retracted).toBeGreaterThan(0);
        expect(await reader.getPerson('EMPTY')).toStrictEqual({ id: 'EMPTY', facts: [] });
        expect(await reader.lastSeq()).toBe(await store.lastSeq());
        // The seq read with a person (with facts, and without) is the log's last seq too.
        for (const id of [ids[0]!, 'EMPTY'])
          expect((await reader.readPerson(id))?.lastSeq).toBe(await store.lastSeq());
        expect(await reader.readPerson('NOBODY')).toBeUndefined();

        // Asked for all in one turn: read together, in statements of at most
        // MAX_PEOPLE_PER_READ people, each answer the same as asked alone.
        const odd = ['quote"d', "apo'strophe", 'back\\slash', 'ünï cødé ✈', '[1,2]', ' '];
        await store.addPeople(
          odd.map((id) => ({ id, facts: [] })),
          actor,
        );
        const asked = [ids[3]!, ...ids, 'EMPTY', 'NOBODY', ...odd, 'NOBODY', ids[3]!];
        expect(asked.length).toBeGreaterThan(MAX_PEOPLE_PER_READ);
        const together = await Promise.all(asked.map((id) => reader.readPerson(id)));
        const lastSeq = await store.lastSeq();
        for (const [i, id] of asked.entries()) {
          const expected = await store.getPerson(id);
          expect(together[i]?.person).toStrictEqual(expected);
          if (expected !== undefined) expect(together[i]?.lastSeq).toBe(lastSeq);
        }
        // A person asked for more than once (twice in one statement) gets a list each time:
        // one caller cannot change another's.
        const repeated = asked.flatMap((id, i) => (id === ids[3] ? [together[i]!.person.facts] : []));
        expect(repeated).toHaveLength(3);
        expect(new Set(repeated).size).toBe(3);
        reader.close();
      } finally {
        await store.close();
      }
    });
  });
}
