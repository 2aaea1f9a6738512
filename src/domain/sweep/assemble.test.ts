import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personFacts } from '../../../test/factories/arbitraries.js';
import type { Person } from '../facts.js';
import { columnsFromPeople, extendColumns, type RowRetraction } from './assemble.js';
import { CodeTable } from './code-table.js';
import { factRow } from './fact-row.js';
import { findIdString, idAt, idTableFromStrings, mergeIdTables } from './id-table.js';
import { RowBuffer } from './row-buffer.js';

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 20 });

describe('id tables', () => {
  it('sort ids by their UTF-8 bytes and find them again', () => {
    fc.assert(
      fc.property(ids, (list) => {
        const table = idTableFromStrings(list);
        const bytes = (s: string): Buffer => Buffer.from(s, 'utf8');
        expect(Array.from({ length: table.count }, (_, i) => idAt(table, i))).toEqual([...list].sort((a, b) => Buffer.compare(bytes(a), bytes(b))));
        for (const id of list) expect(idAt(table, findIdString(table, id))).toBe(id);
        expect(findIdString(table, '\u{10FFFF}missing')).toBe(-1);
      }),
    );
  });

  it('merge two disjoint tables, telling where each id went', () => {
    fc.assert(
      fc.property(ids, fc.array(fc.boolean(), { maxLength: 20 }), (list, side) => {
        const a = list.filter((_, i) => side[i] === true);
        const b = list.filter((_, i) => side[i] !== true);
        const { ids: merged, fromA, fromB } = mergeIdTables(idTableFromStrings(a), idTableFromStrings(b));
        expect(merged).toEqual(idTableFromStrings(list));
        const ta = idTableFromStrings(a);
        const tb = idTableFromStrings(b);
        for (let i = 0; i < ta.count; i++) expect(idAt(merged, fromA[i]!)).toBe(idAt(ta, i));
        for (let i = 0; i < tb.count; i++) expect(idAt(merged, fromB[i]!)).toBe(idAt(tb, i));
      }),
    );
  });

  it('refuse a repeated id', () => {
    expect(() => idTableFromStrings(['A', 'B', 'A'])).toThrow(/given twice/);
  });
});

describe('code tables', () => {
  it('intern strings and their bytes to the same code, and sort them', () => {
    const codes = new CodeTable();
    const words = ['VE', 'VE-2023', 'BLUEBONNET', 'é', '', ...Array.from({ length: 300 }, (_, i) => `F${i}`)];
    const numbers = words.map((w) => codes.intern(w));
    const bytes = Buffer.from('xxVE-2023yy');
    expect(codes.internBytes(bytes, 2, 9)).toBe(numbers[1]);
    expect(words.map((w) => codes.intern(w))).toEqual(numbers);
    const { codes: sorted, remap } = codes.sorted();
    expect(sorted).toEqual([...words].sort());
    words.forEach((w, i) => { expect(sorted[remap[numbers[i]!]!]).toBe(w); });
  });
});

/** People whose facts are split: some recorded before a snapshot, the rest and some new people after. */
const history = fc
  .array(fc.tuple(personFacts('f', 8), fc.nat(8), fc.boolean()), { minLength: 1, maxLength: 10 })
  .map((list) =>
    list.map(([facts, cut, isNew], i) => ({
      id: `P${(i * 7) % 10}${i}`,
      facts: facts.map((f) => ({ ...f, id: `P${i}-${f.id}` })),
      cut: isNew ? 0 : Math.min(cut, facts.length),
      isNew,
    })),
  );

describe('extendColumns', () => {
  it('gives exactly the columns of a full load of old and new facts', () => {
    fc.assert(
      fc.property(history, (people) => {
        const full = columnsFromPeople(people);
        const oldPeople: Person[] = people.filter((p) => !p.isNew).map((p) => ({ id: p.id, facts: p.facts.slice(0, p.cut).map((f) => ({ ...f, retractedAt: undefined })) }));
        const old = columnsFromPeople(oldPeople);
        const { ids: merged, fromA } = mergeIdTables(old.ids, idTableFromStrings(people.filter((p) => p.isNew).map((p) => p.id)));
        const codes = CodeTable.of(old.codes);
        const rows = new RowBuffer(4);
        const late: RowRetraction[] = [];
        for (const person of people) {
          const at = findIdString(merged, person.id);
          person.facts.forEach((fact, k) => {
            if (k >= person.cut) rows.push(at, factRow(fact), codes, fact.retractedAt);
            else if (fact.retractedAt !== undefined) late.push({ person: findIdString(old.ids, person.id), ordinal: k, retractedAt: fact.retractedAt });
          });
        }
        expect(extendColumns(old, merged, fromA, rows, codes, late)).toEqual(full);
      }),
    );
  });
});
