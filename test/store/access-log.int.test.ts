/**
 * The access log on both databases: entries appended in one turn are written together, each
 * stored once, in the order they came, with its own instant; each append resolves only once
 * its entry is stored; and when the statement fails, every entry of it fails and none is
 * stored.
 */
import { afterAll, describe, expect, inject, it } from 'vitest';
import { KyselyIdentityStore } from '../../src/store/identity-store.js';
import { StoreFactory } from '../api/harness.js';

const stores = new StoreFactory(inject('databaseUrl'));
afterAll(() => stores.cleanUp());

const entry = (i: number) =>
  ({
    actor: `user-${i % 3}`,
    role: 'officer',
    kind: 'personal_data_read',
    subjectType: 'person',
    subjectId: `P${i}`,
    requestId: i % 2 === 0 ? `req-${i}` : null,
    details: { fields: ['name'], i },
  }) as const;

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`access log (${dialect})`, () => {
    it('writes the entries of one turn together, in order, each resolved once stored', async () => {
      const store = await stores.open(dialect);
      try {
        let tick = 1_750_000_000_000;
        const log = new KyselyIdentityStore(store, () => (tick += 1000));
        // More than one statement's worth, appended in one turn.
        const count = 1_203;
        const appended = Array.from({ length: count }, (_, i) => log.append(entry(i)));
        // Nothing is stored before the turn ends.
        expect(await log.list(0, 10)).toEqual([]);
        await Promise.all(appended);
        const stored = await log.list(0, count + 10);
        expect(stored).toHaveLength(count);
        stored.forEach((e, i) => {
          const given = entry(i);
          expect(e).toMatchObject({
            actor: given.actor,
            role: given.role,
            kind: given.kind,
            subjectType: given.subjectType,
            subjectId: given.subjectId,
            requestId: given.requestId,
          });
          expect(JSON.parse(e.details)).toEqual(given.details);
          // Each entry keeps the instant of its own append, not of the write.
          expect(e.at).toBe(1_750_000_000_000 + 1000 * (i + 1));
          if (i > 0) expect(e.seq).toBeGreaterThan(stored[i - 1]!.seq);
        });
        // A later turn's entry comes after them.
        await log.append(entry(count));
        const last = await log.list(stored.at(-1)!.seq, 10);
        expect(last.map((e) => e.subjectId)).toEqual([`P${count}`]);
      } finally {
        await store.close();
      }
    });

    it('fails every entry of a statement that fails, and stores none of them', async () => {
      const store = await stores.open(dialect);
      const log = new KyselyIdentityStore(store, Date.now);
      await log.append(entry(0));
      // A value the database refuses fails the statement it is in: PostgreSQL takes no NUL
      // in text; SQLite binds no object (the type system keeps the service from passing one).
      const refused = dialect === 'postgres' ? 'P\u0000' : ({ not: 'text' } as unknown as string);
      const results = await Promise.allSettled([
        log.append(entry(1)),
        log.append({ ...entry(2), subjectId: refused }),
        log.append(entry(3)),
      ]);
      try {
        expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
        expect((await log.list(0, 10)).map((e) => e.subjectId)).toEqual(['P0']);
        // The log goes on: the next turn's entry is stored.
        await log.append(entry(4));
        expect((await log.list(0, 10)).map((e) => e.subjectId)).toEqual(['P0', 'P4']);
      } finally {
        await store.close();
      }
    });
  });
}
