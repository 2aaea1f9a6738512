/**
 * The instance's flights, airports and transfers, indexed for the planner: each flight
 * with its destination country and ISO week, flights by destination country in date order,
 * and transfer costs by facility and airport.
 */
import { isoWeekStart, type Day } from '../domain/dates.js';
import type { CountryCode } from '../domain/facts.js';
import type { Flight, PlanInstance } from './instance.js';

export interface NetworkFlight extends Flight {
  /** Position in the instance's `flights`. */
  readonly index: number;
  /** Country of the destination airport. */
  readonly country: CountryCode;
  /** Monday of the flight's ISO week. */
  readonly week: Day;
}

/** The flights to one country on one day. */
export interface FlightDay {
  readonly date: Day;
  readonly flights: readonly NetworkFlight[];
}

export interface Network {
  readonly flights: readonly NetworkFlight[];
  /** Flights to each country, by date, then by position in the instance. */
  readonly flightsByCountry: ReadonlyMap<CountryCode, readonly NetworkFlight[]>;
  /** The same, grouped by day: a person's legality, custody and notice are read once per day. */
  readonly daysByCountry: ReadonlyMap<CountryCode, readonly FlightDay[]>;
  /** Cost of moving one person from the facility to the airport; `undefined` when the pair is not listed. */
  transferCost(facility: string, airport: string): number | undefined;
  /** Transfer costs from a facility, by airport; `undefined` when none is listed. */
  transfersFrom(facility: string): ReadonlyMap<string, number> | undefined;
}

export function buildNetwork(instance: PlanInstance): Network {
  const countryOf = new Map(instance.airports.map((a) => [a.code, a.country]));
  const flights: NetworkFlight[] = instance.flights.map((f, index) => {
    const country = countryOf.get(f.destination);
    // The instance parser refuses flights to unlisted airports; reaching this is a programming error.
    if (country === undefined)
      throw new Error(`flight "${f.id}": destination "${f.destination}" is not a listed airport`);
    return { ...f, index, country, week: isoWeekStart(f.date) };
  });
  const flightsByCountry = new Map<CountryCode, NetworkFlight[]>();
  for (const f of flights) {
    const list = flightsByCountry.get(f.country) ?? [];
    list.push(f);
    flightsByCountry.set(f.country, list);
  }
  const daysByCountry = new Map<CountryCode, FlightDay[]>();
  for (const [country, list] of flightsByCountry) {
    list.sort((a, b) => a.date - b.date || a.index - b.index);
    const days: { date: Day; flights: NetworkFlight[] }[] = [];
    for (const f of list) {
      const last = days[days.length - 1];
      if (last?.date === f.date) last.flights.push(f);
      else days.push({ date: f.date, flights: [f] });
    }
    daysByCountry.set(country, days);
  }

  const transfers = new Map<string, Map<string, number>>();
  for (const t of instance.transfers) {
    const byAirport = transfers.get(t.facility) ?? new Map<string, number>();
    byAirport.set(t.airport, t.cost);
    transfers.set(t.facility, byAirport);
  }
  return {
    flights,
    flightsByCountry,
    daysByCountry,
    transferCost: (facility, airport) => transfers.get(facility)?.get(airport),
    transfersFrom: (facility) => transfers.get(facility),
  };
}
