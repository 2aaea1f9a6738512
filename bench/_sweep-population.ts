/**
 * The benchmark population: the demo population (about 3.3 facts a person) with each
 * person's earlier history added, to reach about 6 facts a person as the issue asks: past
 * custody stays, an expired passport, ended holds, stays and paroles, an appeal decided
 * without a stay, a notice. These are real inputs to the timeline (their boundaries fall in
 * the years swept) though most no longer block anyone today.
 */
import { parseDay, MS_PER_DAY, type Day } from '../src/domain/dates.js';
import type { Person, PersonFact } from '../src/domain/facts.js';
import { demoPeople } from '../src/demo/population.js';
import { Random } from '../src/demo/random.js';

const day = (text: string): Day => parseDay(text)!;
const HISTORY_FROM = day('2018-01-01');
const HISTORY_TO = day('2025-10-31');
const FACILITIES = ['ADELANTO', 'KROME', 'OTAY-MESA', 'STEWART', 'PORT-ISABEL', 'TACOMA'];

function history(person: Person, random: Random): PersonFact[] {
  const out: PersonFact[] = [];
  let n = 0;
  const id = (): string => `${person.id}-h${++n}`;
  const span = (maxDays: number): { from: Day; through: Day; recordedAt: number } => {
    const from = random.int(HISTORY_FROM, HISTORY_TO);
    return { from, through: from + random.int(3, maxDays), recordedAt: from * MS_PER_DAY + random.int(30, 4_320) * 60_000 };
  };
  const stays = random.int(0, 2);
  for (let k = 0; k < stays; k++) out.push({ id: id(), type: 'custody', facility: random.pick(FACILITIES), ...span(200) });
  const nationality = person.facts.find((f) => f.type === 'nationality');
  if (nationality?.type === 'nationality' && random.chance(0.6)) {
    out.push({ id: id(), type: 'travel_document', country: nationality.country, ...span(1_800) });
  }
  if (random.chance(0.3)) out.push({ id: id(), type: 'hold', kind: 'medical', ...span(45) });
  if (random.chance(0.25)) out.push({ id: id(), type: 'appeal', stay: false, ...span(300) });
  if (random.chance(0.15)) out.push({ id: id(), type: 'stay', ...span(120) });
  if (random.chance(0.2)) out.push({ id: id(), type: 'lawful_status', kind: 'parole', ...span(700) });
  if (random.chance(0.25)) {
    const { from, recordedAt } = span(3);
    out.push({ id: id(), type: 'notice', servedOn: from, counsel: random.chance(0.5), recordedAt });
  }
  return out;
}

/** Batches of benchmark people: the demo people of `seed`, each with a history. */
export function* benchPeople(people: number, seed: number, batchSize = 5_000): Generator<Person[]> {
  const random = new Random(seed * 7919 + 17);
  for (const batch of demoPeople({ people, seed }, batchSize)) {
    yield batch.map((person) => ({ id: person.id, facts: [...person.facts, ...history(person, random)] }));
  }
}
