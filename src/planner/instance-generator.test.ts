import { describe, expect, it } from 'vitest';
import { parsePlanInstanceValue } from '../contract/plan-instance.js';
import { airportsByCode } from './airport-data.js';
import { generateInstance } from './instance-generator.js';

describe('the instance generator', () => {
  const options = { seed: 5, people: 500, flights: 20, countries: 15, facilities: 60 };

  it('is deterministic', () => {
    expect(JSON.stringify(generateInstance(options))).toBe(JSON.stringify(generateInstance(options)));
    expect(JSON.stringify(generateInstance({ ...options, seed: 6 }))).not.toBe(
      JSON.stringify(generateInstance(options)),
    );
  });

  it('makes valid instances on the real network of removal hubs and receiving airports', () => {
    const json = generateInstance(options);
    const parsed = parsePlanInstanceValue(json, []);
    expect(parsed.ok).toBe(true);
    const real = airportsByCode();
    for (const a of json.airports) expect(real.get(a.code)?.country).toBe(a.country);
    const codes = json.airports.map((a) => a.code);
    for (const hub of ['AEX', 'HRL', 'BRO', 'ELP', 'IAH', 'MIA']) expect(codes).toContain(hub);
    for (const destination of ['GUA', 'SAP', 'TGU', 'SAL', 'CCS', 'BOG', 'SDQ', 'PAP'])
      expect(codes).toContain(destination);
    expect(
      new Set(json.flights.map((f) => json.airports.find((a) => a.code === f.destination)!.country)).size,
    ).toBe(15);
    expect(new Set(json.transfers.map((t) => t.facility)).size).toBe(60);
    expect(json.persons).toHaveLength(500);
  });

  it('gives people the facts that make every rule bite', () => {
    const json = generateInstance({ ...options, people: 5_000 });
    const types = new Set(json.persons.flatMap((p) => p.facts.map((f) => f.type)));
    for (const t of [
      'nationality',
      'custody',
      'final_order',
      'notice',
      'family',
      'tps',
      'stay',
      'hold',
      'appeal',
      'protection',
      'travel_document',
    ])
      expect(types).toContain(t);
    expect(json.program.some((f) => f.retractedAt !== undefined)).toBe(true);
  });
});
