/**
 * A large, deterministic CSV of person facts in the import's person layout, streamed to a
 * file: the bench's million-person file and the crash test's smaller one.
 *
 * Every person has exactly `FACTS_PER_PERSON` facts: a nationality (from the demo's docket
 * shares), a final order, custody, a travel document, a notice, and one of an appeal, a
 * hold, a stay, a TPS grant (under a designation of the shipped reference data), a lawful
 * status or a protection. About one fact in two hundred is recorded as retracted; one
 * facility name in a thousand is a formula-injection string, to be neutralised on export.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatDay, formatInstant, MS_PER_DAY, parseDay } from '../../src/domain/dates.js';
import { demoNationalityShares } from '../../src/demo/docket.js';
import { Random, WeightedTable } from '../../src/demo/random.js';
import { csvLine } from '../../src/ingest/csv-cells.js';
import { PERSON_CSV_COLUMNS } from '../../src/ingest/csv-layout.js';

export const FACTS_PER_PERSON = 6;

/** An instant after every date the file holds: a fixed clock for its imports, which refuse facts recorded after they began. */
export const AFTER_THE_FILE = Date.UTC(2027, 0, 1);

const FACILITIES = ['KRO', 'OTM', 'ADL', 'STC', 'PIC', 'JNA', 'ELZ', 'TAC'] as const;
const FIRST_DAY = parseDay('2019-01-01')!;
const SPAN_DAYS = 6 * 365;

type Row = Partial<Record<(typeof PERSON_CSV_COLUMNS)[number], string>>;

const cells = (row: Row): string[] => PERSON_CSV_COLUMNS.map((c) => row[c] ?? '');

/** The rows of person `index` (0-based). */
function personRows(index: number, r: Random, countries: WeightedTable<string>): string {
  const id = `P${String(index + 1).padStart(8, '0')}`;
  const country = countries.pick(r);
  const orderDay = FIRST_DAY + r.int(0, SPAN_DAYS);
  const at = (day: number): string => formatInstant(day * MS_PER_DAY + r.int(30, 4 * 1440) * 60_000);
  const day = formatDay;
  const retracted = (recordedAt: string): string => (r.chance(0.005) ? formatInstant(Date.parse(recordedAt) + r.int(1, 30) * MS_PER_DAY) : '');
  const rows: Row[] = [];
  const add = (n: number, type: string, recordedAt: string, fields: Row): void => {
    rows.push({ person_id: id, fact_id: `${id}-${n}`, type, recorded_at: recordedAt, retracted_at: n === 1 ? '' : retracted(recordedAt), ...fields });
  };
  add(1, 'nationality', at(orderDay - r.int(60, 900)), { country });
  add(2, 'final_order', at(orderDay), { kind: r.chance(0.85) ? 'removal' : 'expedited_removal', from: day(orderDay) });
  const custodyFrom = orderDay + r.int(0, 400);
  const facility = r.chance(0.001) ? "=cmd|' /C calc'!A0" : r.pick(FACILITIES);
  add(3, 'custody', at(custodyFrom), { facility, from: day(custodyFrom), through: r.chance(0.5) ? day(custodyFrom + r.int(5, 200)) : '' });
  const issued = orderDay - r.int(0, 2000);
  add(4, 'travel_document', at(issued), { country, from: day(issued), through: day(issued + 3650) });
  const served = custodyFrom + r.int(1, 30);
  add(5, 'notice', at(served), { served_on: day(served), counsel: r.chance(0.6) ? 'true' : 'false' });
  const from = orderDay + r.int(1, 600);
  const through = r.chance(0.5) ? day(from + r.int(10, 400)) : '';
  switch (r.int(0, 5)) {
    case 0:
      add(6, 'appeal', at(from), { stay: r.chance(0.5) ? 'true' : 'false', from: day(from), through });
      break;
    case 1:
      add(6, 'hold', at(from), { kind: r.pick(['medical', 'legal', 'investigative']), from: day(from), through });
      break;
    case 2:
      add(6, 'stay', at(from), { from: day(from), through });
      break;
    case 3:
      add(6, 'tps', at(from), { designation: r.pick(['VE-2023', 'VE-2021', 'HT-2010', 'SV-2001']), from: day(from), through });
      break;
    case 4:
      add(6, 'lawful_status', at(from), { kind: r.pick(['lpr', 'asylee', 'parole']), from: day(from), through });
      break;
    default:
      add(6, 'protection', at(from), { kind: r.pick(['withholding', 'cat_withholding', 'cat_deferral']), country, from: day(from), through });
  }
  return rows.map((row) => csvLine(cells(row))).join('');
}

/** Writes `people` people (6 facts each) to `path`; deterministic for a given seed. */
export async function writeImportCsv(path: string, people: number, seed = 1): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  const r = new Random(seed);
  const countries = new WeightedTable(demoNationalityShares());
  let bytes = 0;
  let text = csvLine(PERSON_CSV_COLUMNS);
  for (let i = 0; i < people; i += 1) {
    text += personRows(i, r, countries);
    if (text.length > 1 << 20) {
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  bytes += Buffer.byteLength(text);
  out.end(text);
  await once(out, 'close');
  return { rows: people * FACTS_PER_PERSON, bytes };
}
