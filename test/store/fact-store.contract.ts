/**
 * The one contract every `FactStore` adapter passes, run against real databases
 * (test/store/fact-store.int.test.ts runs it for SQLite and PostgreSQL).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person, PersonFact, ProgramFact } from '../../src/domain/facts.js';
import type { FactStore, StoredEvent } from '../../src/domain/ports.js';
import { personFacts } from '../factories/arbitraries.js';
import { ACTOR, at, d, everyPersonFact, everyProgramFact, typicalPerson } from './fact-factory.js';

/** Opens a fresh, empty store whose events are stamped by `clock`. */
export type MakeStore = (clock: () => number) => Promise<FactStore>;

const START = at('2025-06-01T09:00:00Z');

async function allPeople(store: FactStore, pageSize?: number): Promise<Person[][]> {
  const pages: Person[][] = [];
  for await (const page of store.people(pageSize)) pages.push([...page]);
  return pages;
}

/** Everything observable through the port, to prove a refused call changed nothing. */
async function snapshot(store: FactStore): Promise<unknown> {
  return {
    people: await store.countPeople(),
    lastSeq: await store.lastSeq(),
    events: await store.events(),
    program: await store.programFacts(),
    all: await allPeople(store),
  };
}

/** The same fact with its keys in reverse order: content, not spelling, decides identity. */
const reversedKeys = <T extends object>(fact: T): T =>
  Object.fromEntries(Object.entries(fact).reverse()) as T;

const refusal = (code: string, mentioning?: string): unknown =>
  expect.objectContaining({
    name: 'RepatriaError',
    code,
    ...(mentioning === undefined ? {} : { message: expect.stringContaining(mentioning) }),
  });

export function describeFactStoreContract(name: string, makeStore: MakeStore): void {
  describe(`FactStore contract (${name})`, () => {
    let store: FactStore;
    let now: number;

    beforeEach(async () => {
      now = START;
      store = await makeStore(() => (now += 1000));
    });
    afterEach(async () => {
      await store.close();
    });

    describe('round trips', () => {
      it('returns every person fact type exactly as recorded, in the order given', async () => {
        const facts = everyPersonFact('a');
        const summary = await store.addPeople([{ id: 'A-1', facts }], ACTOR);
        expect(summary).toEqual({ people: 1, facts: facts.length, unchanged: 0 });
        expect(await store.getPerson('A-1')).toStrictEqual({ id: 'A-1', facts });
        expect(await store.countPeople()).toBe(1);
      });

      it('returns undefined for an unknown person', async () => {
        expect(await store.getPerson('nobody')).toBeUndefined();
      });

      it('keeps recording order across calls, whatever the ids', async () => {
        const first: PersonFact[] = [
          { id: 'z-nat', type: 'nationality', country: 'HN', recordedAt: at('2025-01-01T00:00:00Z') },
          { id: 'a-nat', type: 'nationality', country: 'GT', recordedAt: at('2025-01-01T00:00:00Z') },
        ];
        const later: PersonFact[] = [
          {
            id: '0-stay',
            type: 'stay',
            from: d('2025-02-01'),
            through: null,
            recordedAt: at('2025-02-01T10:00:00Z'),
          },
          {
            id: 'm-hold',
            type: 'hold',
            kind: 'legal',
            from: d('2025-02-03'),
            through: d('2025-02-28'),
            recordedAt: at('2025-02-03T10:00:00Z'),
          },
        ];
        await store.addPeople([{ id: 'P', facts: first }], ACTOR);
        const summary = await store.recordPersonFacts('P', later, ACTOR);
        expect(summary).toEqual({ people: 0, facts: 2, unchanged: 0 });
        expect((await store.getPerson('P'))?.facts).toStrictEqual([...first, ...later]);
      });

      it('returns programme facts exactly, in recording order', async () => {
        const facts = everyProgramFact('g');
        const [head, ...rest] = facts;
        expect(await store.recordProgramFacts(rest, ACTOR)).toEqual({
          people: 0,
          facts: rest.length,
          unchanged: 0,
        });
        expect(await store.recordProgramFacts([head!], ACTOR)).toEqual({ people: 0, facts: 1, unchanged: 0 });
        expect(await store.programFacts()).toStrictEqual([...rest, head]);
      });

      it('round-trips arbitrary people, retracted facts included', async () => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(personFacts('f', 8), { minLength: 1, maxLength: 4 }),
            async (factLists) => {
              run += 1;
              const people = factLists.map((facts, i) => ({
                id: `R${run}-${i}`,
                facts: facts.map((f) => ({ ...f, id: `R${run}-${i}-${f.id}` })),
              }));
              await store.addPeople(people, ACTOR);
              for (const person of people) expect(await store.getPerson(person.id)).toEqual(person);
            },
          ),
          { numRuns: 25 },
        );
      });
    });

    describe('retraction', () => {
      it('shows retractedAt on read and logs the retraction', async () => {
        const facts = everyPersonFact('r');
        await store.addPeople([{ id: 'P', facts }], ACTOR);
        const retractedAt = at('2025-03-01T12:00:00Z');
        await store.retract(
          { factId: 'r-tps', retractedAt, reason: 'grant entered for the wrong person' },
          ACTOR,
        );

        const read = await store.getPerson('P');
        expect(read?.facts).toStrictEqual(facts.map((f) => (f.id === 'r-tps' ? { ...f, retractedAt } : f)));
        const event = (await store.events()).at(-1);
        expect(event).toMatchObject({
          kind: 'fact_retracted',
          subjectType: 'fact',
          subjectId: 'r-tps',
          actor: ACTOR.id,
          role: ACTOR.role,
        });
        expect(JSON.parse(event!.details)).toEqual({
          retractedAt,
          reason: 'grant entered for the wrong person',
        });
      });

      it('retracts programme facts too', async () => {
        const facts = everyProgramFact('g');
        await store.recordProgramFacts(facts, ACTOR);
        const retractedAt = at('2025-05-19T16:00:00Z');
        await store.retract({ factId: 'g-ve23b', retractedAt, reason: 'stayed by the Supreme Court' }, ACTOR);
        expect(await store.programFacts()).toStrictEqual(
          facts.map((f) => (f.id === 'g-ve23b' ? { ...f, retractedAt } : f)),
        );
      });

      it('allows a retraction at the very instant of recording', async () => {
        const facts = everyPersonFact('r');
        await store.addPeople([{ id: 'P', facts }], ACTOR);
        const fact = facts[0]!;
        await store.retract({ factId: fact.id, retractedAt: fact.recordedAt, reason: 'typo' }, ACTOR);
        expect((await store.getPerson('P'))?.facts[0]).toEqual({ ...fact, retractedAt: fact.recordedAt });
      });

      it('refuses a second retraction, an unknown fact and a retraction before recording, changing nothing', async () => {
        await store.addPeople([{ id: 'P', facts: everyPersonFact('r') }], ACTOR);
        await store.retract(
          { factId: 'r-st', retractedAt: at('2025-03-01T00:00:00Z'), reason: 'wrong dates' },
          ACTOR,
        );
        const before = await snapshot(store);

        await expect(
          store.retract({ factId: 'r-st', retractedAt: at('2025-04-01T00:00:00Z'), reason: 'again' }, ACTOR),
        ).rejects.toEqual(refusal('CONFLICT', 'r-st'));
        await expect(
          store.retract(
            { factId: 'no-such-fact', retractedAt: at('2025-04-01T00:00:00Z'), reason: 'x' },
            ACTOR,
          ),
        ).rejects.toEqual(refusal('NOT_FOUND', 'no-such-fact'));
        await expect(
          store.retract({ factId: 'r-ho', retractedAt: at('2024-01-01T00:00:00Z'), reason: 'x' }, ACTOR),
        ).rejects.toEqual(refusal('INVALID_INPUT', 'r-ho'));
        expect(await snapshot(store)).toEqual(before);
      });

      it('stores a fact given with retractedAt together with its retraction', async () => {
        const fact: PersonFact = {
          id: 'x-hold',
          type: 'hold',
          kind: 'investigative',
          from: d('2025-01-01'),
          through: null,
          recordedAt: at('2025-01-01T08:00:00Z'),
          retractedAt: at('2025-01-02T08:00:00Z'),
        };
        await store.addPeople([{ id: 'P', facts: [fact] }], ACTOR);
        expect((await store.getPerson('P'))?.facts).toStrictEqual([fact]);

        expect(await store.addPeople([{ id: 'P', facts: [fact] }], ACTOR)).toEqual({
          people: 0,
          facts: 0,
          unchanged: 1,
        });
        await expect(
          store.addPeople(
            [{ id: 'P', facts: [{ ...fact, retractedAt: at('2025-01-03T08:00:00Z') }] }],
            ACTOR,
          ),
        ).rejects.toEqual(refusal('CONFLICT', 'x-hold'));
      });
    });

    describe('idempotent recording', () => {
      it('counts an identical re-add as unchanged and logs nothing', async () => {
        const people = [
          { id: 'A', facts: everyPersonFact('a') },
          { id: 'B', facts: everyPersonFact('b') },
        ];
        await store.addPeople(people, ACTOR);
        const before = await snapshot(store);

        const again = people.map((p) => ({ id: p.id, facts: p.facts.map(reversedKeys) }));
        const summary = await store.addPeople(again, ACTOR);
        expect(summary).toEqual({ people: 0, facts: 0, unchanged: people[0]!.facts.length * 2 });
        expect(await snapshot(store)).toEqual(before);
      });

      it('appends only the new facts of a person already stored', async () => {
        const facts = everyPersonFact('a');
        await store.addPeople([{ id: 'A', facts: facts.slice(0, 5) }], ACTOR);
        const seq = await store.lastSeq();

        const summary = await store.addPeople([{ id: 'A', facts }], ACTOR);
        expect(summary).toEqual({ people: 0, facts: facts.length - 5, unchanged: 5 });
        expect((await store.getPerson('A'))?.facts).toStrictEqual(facts);
        const events = await store.events(seq);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ kind: 'fact_recorded', subjectType: 'person', subjectId: 'A' });
      });

      it('treats a fact listed twice in one call as one', async () => {
        const facts = everyPersonFact('a');
        const summary = await store.addPeople(
          [
            { id: 'A', facts: [...facts, facts[0]!] },
            { id: 'A', facts: [facts[1]!] },
          ],
          ACTOR,
        );
        expect(summary).toEqual({ people: 1, facts: facts.length, unchanged: 2 });
        expect((await store.getPerson('A'))?.facts).toStrictEqual(facts);
      });

      it('counts identical programme facts and person facts recorded again as unchanged', async () => {
        await store.recordProgramFacts(everyProgramFact('g'), ACTOR);
        await store.addPeople([{ id: 'A', facts: everyPersonFact('a') }], ACTOR);
        const before = await snapshot(store);
        expect(await store.recordProgramFacts(everyProgramFact('g').map(reversedKeys), ACTOR)).toEqual({
          people: 0,
          facts: 0,
          unchanged: everyProgramFact('g').length,
        });
        expect(await store.recordPersonFacts('A', everyPersonFact('a').slice(2, 4), ACTOR)).toEqual({
          people: 0,
          facts: 0,
          unchanged: 2,
        });
        expect(await snapshot(store)).toEqual(before);
      });
    });

    describe('conflicts and atomicity', () => {
      const base = (): PersonFact[] => everyPersonFact('c');

      it('refuses a known fact id with different content, naming it, and stores nothing', async () => {
        await store.addPeople([{ id: 'A', facts: base() }], ACTOR);
        await store.recordProgramFacts(everyProgramFact('g'), ACTOR);
        const before = await snapshot(store);

        const changed = base().map((f) => (f.id === 'c-ap1' ? { ...f, stay: false } : f));
        await expect(store.addPeople([{ id: 'A', facts: changed }], ACTOR)).rejects.toEqual(
          refusal('CONFLICT', 'c-ap1'),
        );
        await expect(
          store.recordPersonFacts(
            'A',
            [{ id: 'c-fa', type: 'family', group: 'FG-9', recordedAt: at('2025-01-06T14:30:00Z') }],
            ACTOR,
          ),
        ).rejects.toEqual(refusal('CONFLICT', 'c-fa'));
        await expect(
          store.recordProgramFacts(
            [{ ...everyProgramFact('g')[2]!, criteria: { nationality: ['VE', 'NI'] } } as ProgramFact],
            ACTOR,
          ),
        ).rejects.toEqual(refusal('CONFLICT', 'g-co1'));
        expect(await snapshot(store)).toEqual(before);
      });

      it('refuses a fact id already used for another person or as a programme fact', async () => {
        await store.addPeople([{ id: 'A', facts: base() }], ACTOR);
        await store.recordProgramFacts(everyProgramFact('g'), ACTOR);
        const before = await snapshot(store);

        await expect(store.addPeople([{ id: 'B', facts: base().slice(0, 1) }], ACTOR)).rejects.toEqual(
          refusal('CONFLICT', 'c-nat1'),
        );
        const programAsPerson = {
          id: 'g-ra1',
          type: 'nationality',
          country: 'VE',
          recordedAt: START,
        } as const;
        await expect(store.recordPersonFacts('A', [programAsPerson], ACTOR)).rejects.toEqual(
          refusal('CONFLICT', 'g-ra1'),
        );
        await expect(store.addPeople([{ id: 'C', facts: [programAsPerson] }], ACTOR)).rejects.toEqual(
          refusal('CONFLICT', 'g-ra1'),
        );
        const personAsProgram = { ...everyProgramFact('g')[0]!, id: 'c-tps' };
        await expect(store.recordProgramFacts([personAsProgram], ACTOR)).rejects.toEqual(
          refusal('CONFLICT', 'c-tps'),
        );
        expect(await snapshot(store)).toEqual(before);
      });

      it('refuses one id given twice in a call with different content', async () => {
        const [first] = base();
        await expect(
          store.addPeople(
            [
              { id: 'A', facts: [first!] },
              { id: 'B', facts: [first!] },
            ],
            ACTOR,
          ),
        ).rejects.toEqual(refusal('CONFLICT', first!.id));
        expect(await store.countPeople()).toBe(0);
        expect(await store.lastSeq()).toBe(0);
      });

      it('stores nothing of a batch whose last person conflicts', async () => {
        await store.addPeople([{ id: 'A', facts: base() }], ACTOR);
        const before = await snapshot(store);

        const batch: Person[] = [
          ...Array.from({ length: 300 }, (_, i) => typicalPerson(`N${String(i).padStart(4, '0')}`, i)),
          { id: 'Z-last', facts: [{ ...base()[2]!, id: 'c-fo', kind: 'expedited_removal' } as PersonFact] },
        ];
        await expect(store.addPeople(batch, ACTOR)).rejects.toEqual(refusal('CONFLICT', 'c-fo'));
        expect(await snapshot(store)).toEqual(before);
        expect(await store.getPerson('N0000')).toBeUndefined();
      });

      it('refuses facts for an unknown person', async () => {
        await expect(store.recordPersonFacts('nobody', base(), ACTOR)).rejects.toEqual(
          refusal('NOT_FOUND', 'nobody'),
        );
        expect(await store.lastSeq()).toBe(0);
        expect(await store.countPeople()).toBe(0);
      });

      it('refuses facts of the wrong kind and bad page sizes as invalid input', async () => {
        const programFact = everyProgramFact('g')[0]! as unknown as PersonFact;
        await expect(store.addPeople([{ id: 'A', facts: [programFact] }], ACTOR)).rejects.toEqual(
          refusal('INVALID_INPUT', 'g-ve23a'),
        );
        const personFact = base()[0]! as unknown as ProgramFact;
        await expect(store.recordProgramFacts([personFact], ACTOR)).rejects.toEqual(
          refusal('INVALID_INPUT', 'c-nat1'),
        );
        await expect(allPeople(store, 0)).rejects.toEqual(refusal('INVALID_INPUT'));
        expect(await store.lastSeq()).toBe(0);
      });
    });

    describe('concurrent writers', () => {
      it('serialises calls made at once: each applies whole, seqs stay unique and ordered', async () => {
        const batches = Array.from({ length: 6 }, (_, b) =>
          Array.from({ length: 50 }, (_, i) => typicalPerson(`W${b}-${i}`, i)),
        );
        const same = [typicalPerson('S', 7)];
        const results = await Promise.all([
          ...batches.map((people) => store.addPeople(people, ACTOR)),
          store.addPeople(same, ACTOR),
          store.addPeople(same, ACTOR),
          store.recordProgramFacts(everyProgramFact('g'), ACTOR),
        ]);
        expect(results.slice(0, 6).every((r) => r.people === 50 && r.facts === 300)).toBe(true);
        expect([results[6], results[7]]).toEqual(
          expect.arrayContaining([
            { people: 1, facts: 6, unchanged: 0 },
            { people: 0, facts: 0, unchanged: 6 },
          ]),
        );
        expect(await store.countPeople()).toBe(301);
        const events = await store.events();
        expect(events).toHaveLength(8);
        expect(events.map((e) => e.seq)).toEqual(
          [...new Set(events.map((e) => e.seq))].sort((a, b) => a - b),
        );
      });
    });

    describe('paging', () => {
      it('pages through 2,500 people in id order with their facts', async () => {
        // Ids whose byte order differs from numeric and from locale-aware order.
        const ids = Array.from({ length: 2500 }, (_, i) =>
          i % 4 === 0
            ? `P${i}`
            : i % 4 === 1
              ? `p-${i}`
              : i % 4 === 2
                ? `P_${i}`
                : `Q${String(i).padStart(5, '0')}`,
        );
        const people = ids.map((id, i) => typicalPerson(id, i));
        const summary = await store.addPeople(people, ACTOR);
        expect(summary).toEqual({ people: 2500, facts: 2500 * 6, unchanged: 0 });
        expect(await store.countPeople()).toBe(2500);

        const pages = await allPeople(store, 1000);
        expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
        const read = pages.flat();
        const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(read.map((p) => p.id)).toEqual(sorted);
        const byId = new Map(people.map((p) => [p.id, p]));
        for (const person of read) expect(person).toStrictEqual(byId.get(person.id));

        const events = await store.events();
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ kind: 'person_added', subjectType: 'person', subjectId: ids[0] });
        expect(JSON.parse(events[0]!.details)).toMatchObject({
          people: 2500,
          firstPersonId: ids[0],
          lastPersonId: ids[2499],
          facts: 15000,
        });
      });

      it('ends cleanly on an exact page boundary and on an empty store', async () => {
        expect(await allPeople(store)).toEqual([]);
        await store.addPeople(
          Array.from({ length: 6 }, (_, i) => typicalPerson(`E${i}`, i)),
          ACTOR,
        );
        expect((await allPeople(store, 3)).map((p) => p.map((x) => x.id))).toEqual([
          ['E0', 'E1', 'E2'],
          ['E3', 'E4', 'E5'],
        ]);
      });
    });

    describe('event log', () => {
      it('appends one event per changing call, with increasing seq, clock time and actor', async () => {
        expect(await store.lastSeq()).toBe(0);
        expect(await store.events()).toEqual([]);

        await store.addPeople([typicalPerson('A', 0), typicalPerson('B', 1)], ACTOR);
        await store.recordPersonFacts(
          'A',
          [{ id: 'A-fam', type: 'family', group: 'G1', recordedAt: START }],
          { id: 'clerk-2', role: 'clerk' },
        );
        await store.recordProgramFacts(everyProgramFact('g'), ACTOR);
        await store.addPeople([typicalPerson('A', 0)], ACTOR); // unchanged: no event
        await store.retract({ factId: 'A-fam', retractedAt: START + 1, reason: 'wrong group' }, ACTOR);

        const events = await store.events();
        expect(events.map((e) => e.kind)).toEqual([
          'person_added',
          'fact_recorded',
          'program_fact_recorded',
          'fact_retracted',
        ]);
        expect(events.map((e) => e.subjectId)).toEqual(['A', 'A', 'g-ve23a', 'A-fam']);
        const seqs = events.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(await store.lastSeq()).toBe(seqs.at(-1));
        expect(events.map((e) => e.at)).toEqual([START + 1000, START + 2000, START + 3000, START + 4000]);
        expect(events[1]).toMatchObject({ actor: 'clerk-2', role: 'clerk' });
        for (const e of events) expect(typeof e.seq === 'number' && typeof e.at === 'number').toBe(true);
        expect(JSON.parse(events[1]!.details)).toMatchObject({ facts: 1, factIds: ['A-fam'] });

        const tail: StoredEvent[] = await store.events(seqs[0], 2);
        expect(tail).toEqual(events.slice(1, 3));
        expect(await store.events(seqs.at(-1))).toEqual([]);
      });
    });
  });
}
