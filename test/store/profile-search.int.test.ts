/**
 * Finding people by A-number and by name in the store, on both databases: every written form
 * of an A-number, names without accents or case, only the profile in force (a correction no
 * longer answers to the earlier name), paging after an id, the deep verify finding words that
 * do not match the names, and a store made before the name words were kept (migration 0008)
 * finding its people once opened.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { KyselyIdentityStore } from '../../src/store/identity-store.js';
import { openStore } from '../../src/store/open-store.js';
import { verifyStore } from '../../src/store/verify.js';
import { asBeforeMigrationIn } from '../helpers/older-store.js';
import { testStores } from '../ingest/stores.js';

const stores = testStores('profile-search');
afterAll(() => stores.close());

const ACTOR = { id: 'test', role: 'admin', requestId: null } as const;
const PEOPLE = ['S1', 'S2', 'S3', 'S4'];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`finding people (${dialect})`, () => {
    it('finds by A-number in any written form and by the start of name words, from the profile in force', async () => {
      const opened = await stores.open(dialect);
      const { store } = opened;
      try {
        await store.addPeople(PEOPLE.map((id) => ({ id, facts: [] })), ACTOR);
        const profiles = new KyselyIdentityStore(store, Date.now);
        await profiles.addProfiles(
          [
            { personId: 'S1', name: 'José Luis González', dateOfBirth: null, aNumber: 'A012345678' },
            { personId: 'S2', name: 'Jose Gonzalez Pérez', dateOfBirth: null, aNumber: 'A200000002' },
            { personId: 'S3', name: 'María José Ortiz', dateOfBirth: null, aNumber: null },
            { personId: 'S4', name: 'Luis Gomez', dateOfBirth: null, aNumber: 'A200000004' },
          ],
          ACTOR,
        );
        // A first version already stored is kept, and its words are not replaced by these.
        expect(await profiles.addProfiles([{ personId: 'S4', name: 'Someone Else', dateOfBirth: null, aNumber: null }], ACTOR)).toBe(0);

        const find = (search: { aNumber?: string; name?: string }, after?: string, limit = 10) =>
          profiles.findPeople(search, after, limit);
        expect(await find({ aNumber: '12345678' })).toEqual(['S1']);
        expect(await find({ aNumber: 'a 012-345-678' })).toEqual(['S1']);
        expect(await find({ name: 'gonz jose' })).toEqual(['S1', 'S2']);
        expect(await find({ name: 'JOSÉ' })).toEqual(['S1', 'S2', 'S3']);
        expect(await find({ name: 'jose' }, 'S1')).toEqual(['S2', 'S3']);
        expect(await find({ name: 'jose' }, undefined, 2)).toEqual(['S1', 'S2']);
        expect(await find({ name: 'someone' })).toEqual([]);
        expect(await find({ name: 'luis', aNumber: 'A200000004' })).toEqual(['S4']);
        expect(await find({ name: 'jose', aNumber: 'A200000004' })).toEqual([]);

        // A correction: the new name and number answer, the old ones no longer do.
        await profiles.recordProfile({ personId: 'S2', name: 'Josefa Ruiz', dateOfBirth: null, aNumber: 'A200000022' }, ACTOR);
        expect(await find({ name: 'gonzalez' })).toEqual(['S1']);
        expect(await find({ name: 'ruiz' })).toEqual(['S2']);
        expect(await find({ aNumber: 'A200000002' })).toEqual([]);
        expect(await find({ aNumber: 'A200000022' })).toEqual(['S2']);

        await expect(find({ aNumber: 'A12' })).rejects.toThrow('not an A-number');
        await expect(find({ name: ' - ' })).rejects.toThrow('at least one letter');

        // The deep verify holds the words to the profiles' names: a word lost, or one
        // changed, is found.
        const deep = async () => (await verifyStore(store.kysely, dialect, { deep: true, auditChain: false })).findings;
        expect(await deep()).toEqual([]);
        await sql`delete from profile_name_words where word = 'ruiz'`.execute(store.kysely);
        expect(await deep()).toEqual([expect.stringMatching(/^profile_name_words disagrees .*: (\d+) words expected, \d+ stored$/)]);
        await sql`insert into profile_name_words (word, person_id, version) values ('ruis', 'S2', 2)`.execute(store.kysely);
        expect(await deep()).toEqual([expect.stringContaining('some of them different')]);
      } finally {
        await store.close();
      }
    });
  });
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`finding people in a store made before the name words were kept (${dialect})`, () => {
    it('fills the words from the profiles already stored when the store is opened', async () => {
      const opened = await stores.open(dialect);
      try {
        await opened.store.addPeople(PEOPLE.map((id) => ({ id, facts: [] })), ACTOR);
        // More than one page of the fill (and of the deep verify's reads), and a second version
        // for one person.
        const many = Array.from({ length: 10_500 }, (_, i) => `M${String(i).padStart(5, '0')}`);
        await opened.store.addPeople(many.map((id) => ({ id, facts: [] })), ACTOR);
        const profiles = new KyselyIdentityStore(opened.store, Date.now);
        await profiles.addProfiles(
          [
            ...PEOPLE.map((personId, i) => ({ personId, name: `Ana Núñez ${i}`, dateOfBirth: null, aNumber: `A20000000${i}` })),
            ...many.map((personId) => ({ personId, name: `Filler ${personId}`, dateOfBirth: null, aNumber: null })),
          ],
          ACTOR,
        );
        await profiles.recordProfile({ personId: 'S4', name: 'Ana Ruiz', dateOfBirth: null, aNumber: null }, ACTOR);
        await asBeforeMigrationIn(opened.store.kysely, '0008-profile-search');
      } finally {
        await opened.store.close();
      }
      const { dbPath, databaseUrl } = opened.location;
      const store = await openStore(databaseUrl === undefined ? { dbPath } : { databaseUrl, dbPath: '' });
      try {
        const profiles = new KyselyIdentityStore(store, Date.now);
        expect(await profiles.findPeople({ name: 'nunez ana' }, undefined, 10)).toEqual(['S1', 'S2', 'S3']);
        expect(await profiles.findPeople({ name: 'ruiz' }, undefined, 10)).toEqual(['S4']);
        expect(await profiles.findPeople({ name: 'filler m10499' }, undefined, 10)).toEqual(['M10499']);
        expect(await profiles.findPeople({ name: 'filler' }, undefined, 20_000)).toHaveLength(10_500);
        expect(await profiles.findPeople({ aNumber: '200000002' }, undefined, 10)).toEqual(['S3']);
        expect((await verifyStore(store.kysely, dialect, { deep: true, auditChain: false })).findings).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
