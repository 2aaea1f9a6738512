/**
 * A large benchmark population built straight into columns, for sizes whose generation into
 * SQLite would take longer than the benchmark (10 million people: some half an hour). The
 * people are blocks of a million benchmark people, each block from its own seed and with
 * its own id prefix (`A…`, `B…`), so ids stay unique and in byte order.
 */
import { groupRows } from '../src/domain/sweep/assemble.js';
import { CodeTable } from '../src/domain/sweep/code-table.js';
import type { PersonColumns } from '../src/domain/sweep/columns.js';
import { factRow } from '../src/domain/sweep/fact-row.js';
import { idTableFromRanges } from '../src/domain/sweep/id-table.js';
import { RowBuffer } from '../src/domain/sweep/row-buffer.js';
import { benchPeople } from './_sweep-population.js';

const BLOCK = 1_000_000;

export function columnsInMemory(people: number, progress: (done: number) => void): PersonColumns {
  const rows = new RowBuffer(Math.ceil(people * 6.2));
  const codes = new CodeTable();
  const encoder = new TextEncoder();
  let bytes = new Uint8Array(people * 10);
  const offsets = new Int32Array(people + 1);
  let person = 0;
  let at = 0;
  for (let block = 0; person < people; block++) {
    const prefix = String.fromCharCode(65 + block);
    for (const batch of benchPeople(Math.min(BLOCK, people - person), block + 1, 10_000)) {
      for (const p of batch) {
        const id = encoder.encode(`${prefix}${p.id}`);
        if (at + id.length > bytes.length) {
          const grown = new Uint8Array(bytes.length * 2);
          grown.set(bytes);
          bytes = grown;
        }
        bytes.set(id, at);
        offsets[person] = at;
        at += id.length;
        for (const fact of p.facts) rows.push(person, factRow(fact), codes, fact.retractedAt);
        person++;
      }
      progress(person);
    }
  }
  offsets[people] = at;
  return groupRows(idTableFromRanges(bytes.slice(0, at), offsets), rows, codes);
}
