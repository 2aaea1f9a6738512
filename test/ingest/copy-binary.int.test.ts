/**
 * Binary COPY rows (src/ingest/copy-binary.ts) read back from a real PostgreSQL server exactly
 * as given: NULLs, negative and large integers, non-ASCII and empty text, empty and large
 * blobs, and rows that cross chunk boundaries.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, expect, inject, it } from 'vitest';
import { BinaryCopyWriter } from '../../src/ingest/copy-binary.js';
import type { BulkValue } from '../../src/store/store-connection.js';

const client = new pg.Client({ connectionString: inject('databaseUrl') });
const table = `copy_binary_${process.pid}`;
afterAll(async () => {
  await client.query(`drop table if exists ${table}`);
  await client.end();
});

it('writes rows that PostgreSQL reads back exactly', async () => {
  await client.connect();
  await client.query(`create table ${table} (n integer, t text, i4 integer, i8 bigint, b bytea)`);
  const rows: BulkValue[][] = [
    [0, 'plain', 1, 1, Buffer.from([1, 2, 3])],
    [1, '', -1, -1, Buffer.alloc(0)],
    [2, null, null, null, null],
    [3, 'Résumé — 東京 🙂 "quoted" \\ tab\tnewline\n', 2_147_483_647, Number.MAX_SAFE_INTEGER, Buffer.from([0, 255, 92, 10])],
    [4, 'x'.repeat(700_000), -2_147_483_648, -Number.MAX_SAFE_INTEGER, Buffer.alloc(300_000, 7)],
    [5, 'é'.repeat(100_000), 19_000, 1_767_225_600_000, Buffer.alloc(1, 0)],
    [6, 'last', 7, -(2 ** 40) - 3, Buffer.from('end')],
  ];
  for (let i = 0; i < 30_000; i += 1) rows.push([100 + i, `row ${i} ${'ü'.repeat(i % 50)}`, i - 2_500, i * 4_294_967_297 - 1e12, Buffer.alloc(i % 60, i % 256)]);
  const writer = new BinaryCopyWriter(['int4', 'text', 'int4', 'int8', 'bytea']);
  const chunks: Buffer[] = [];
  for (const row of rows) {
    writer.row(row);
    if (writer.ready) chunks.push(...writer.take());
  }
  chunks.push(...writer.end());
  expect(chunks.length).toBeGreaterThan(2);
  await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${table} (n, t, i4, i8, b) from stdin (format binary)`)));

  const { rows: back } = await client.query<{ n: number; t: string | null; i4: number | null; i8: string | null; b: Buffer | null }>(`select * from ${table} order by n`);
  expect(back.length).toBe(rows.length);
  back.forEach((r, i) => {
    const [n, t, i4, i8, b] = rows[i]!;
    expect([r.n, r.t, r.i4, r.i8 === null ? null : Number(r.i8), r.b === null ? null : r.b.toString('hex')]).toEqual([n, t, i4, i8, b === null ? null : Buffer.from(b as Uint8Array).toString('hex')]);
  });
});

it('refuses a value that is not of its column type, naming the column', () => {
  const writer = new BinaryCopyWriter(['text', 'int8']);
  expect(() => { writer.row(['a', 1.5]); }).toThrow('binary COPY: column 2 is int8, given number');
  expect(() => { new BinaryCopyWriter(['int4']).row(['7']); }).toThrow('binary COPY: column 1 is int4, given string');
});
