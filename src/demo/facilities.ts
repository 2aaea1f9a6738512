/**
 * Real ICE detention facilities used by the demo data, with a stable code (the `facility`
 * of a `custody` fact), the airport their detainees would board a removal charter from,
 * and a rough cost of getting one person there.
 *
 * Names, cities and states are those of the facilities as publicly listed by ICE and
 * reported in the press. ICE Air's own hubs are Mesa (AZA), San Antonio (SAT), Brownsville
 * (BRO), Alexandria (AEX) and Miami (MIA); other charters leave from airports near large
 * facilities (e.g. Victorville for Adelanto, Boeing Field for Tacoma). The airport chosen
 * here is the plausible one, not an ICE record.
 *
 * `approxBeds` (rounded public capacity figures) and `transferCostUsd` (a bus or van escort
 * to the airport, or a domestic charter leg where the airport is far) are rough numbers for
 * weighting the demo and for the planner's transfer costs; they are not official figures.
 */
import type { CountryCode } from '../domain/facts.js';

/** US state postal code. */
export type UsState = 'AZ' | 'CA' | 'CO' | 'FL' | 'GA' | 'LA' | 'NJ' | 'NM' | 'NY' | 'PA' | 'TX' | 'WA';

export interface Facility {
  /** Stable code, the `facility` of `custody` facts. */
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly state: UsState;
  readonly country: CountryCode;
  /** IATA code of the airport its detainees board removal flights from. */
  readonly removalAirport: string;
  /** Rough cost in USD of moving one person from the facility to that airport. */
  readonly transferCostUsd: number;
  /** Rounded capacity, a rough figure used only to weight where demo people are held. */
  readonly approxBeds: number;
  /** Holds families (parents with children) rather than single adults. */
  readonly family: boolean;
  /**
   * First day (`YYYY-MM-DD`) the demo places anyone there, for facilities (re)opened for ICE
   * in 2025; approximate (first reported use). Absent: in use throughout 2024–2026.
   */
  readonly inUseFrom?: string;
}

const f = (
  code: string,
  name: string,
  city: string,
  state: UsState,
  removalAirport: string,
  transferCostUsd: number,
  approxBeds: number,
  extra: { family?: boolean; inUseFrom?: string } = {},
): Facility => ({
  code,
  name,
  city,
  state,
  country: 'US',
  removalAirport,
  transferCostUsd,
  approxBeds,
  family: extra.family ?? false,
  ...(extra.inUseFrom === undefined ? {} : { inUseFrom: extra.inUseFrom }),
});

export const FACILITIES: readonly Facility[] = [
  f('STEWART', 'Stewart Detention Center', 'Lumpkin', 'GA', 'AEX', 900, 1_900),
  f('FOLKSTON', 'Folkston ICE Processing Center', 'Folkston', 'GA', 'JAX', 100, 1_100),
  f('KROME', 'Krome North Service Processing Center', 'Miami', 'FL', 'MIA', 80, 600),
  // Formerly the LaSalle ICE Processing Center.
  f('LA_SALLE', 'Central Louisiana ICE Processing Center', 'Jena', 'LA', 'AEX', 100, 1_200),
  f('PINE_PRAIRIE', 'Pine Prairie ICE Processing Center', 'Pine Prairie', 'LA', 'AEX', 110, 700),
  f('SOUTH_LOUISIANA', 'South Louisiana ICE Processing Center', 'Basile', 'LA', 'AEX', 130, 1_000),
  f('PORT_ISABEL', 'Port Isabel Service Processing Center', 'Los Fresnos', 'TX', 'BRO', 70, 1_200),
  f('EL_VALLE', 'El Valle Detention Facility', 'Raymondville', 'TX', 'HRL', 80, 900),
  f('RIO_GRANDE', 'Rio Grande Processing Center', 'Laredo', 'TX', 'LRD', 70, 1_900),
  f('SOUTH_TEXAS', 'South Texas ICE Processing Center', 'Pearsall', 'TX', 'SAT', 110, 1_900),
  f('KARNES', 'Karnes County Immigration Processing Center', 'Karnes City', 'TX', 'SAT', 110, 1_300),
  // Idle from August 2024; reopened for families under an agreement announced 5 March 2025.
  f('DILLEY', 'South Texas Family Residential Center', 'Dilley', 'TX', 'SAT', 130, 2_400, {
    family: true,
    inUseFrom: '2025-03-15',
  }),
  f('MONTGOMERY', 'Montgomery Processing Center', 'Conroe', 'TX', 'IAH', 90, 1_300),
  f('JOE_CORLEY', 'Joe Corley Processing Center', 'Conroe', 'TX', 'IAH', 90, 1_500),
  f('IAH_POLK', 'IAH Secure Adult Detention Facility', 'Livingston', 'TX', 'IAH', 120, 1_000),
  f('PRAIRIELAND', 'Prairieland Detention Center', 'Alvarado', 'TX', 'DFW', 100, 700),
  // Opened December 2019; held the Venezuelans of A.A.R.P. v. Trump, bused toward Abilene on 18 April 2025.
  f('BLUEBONNET', 'Bluebonnet Detention Facility', 'Anson', 'TX', 'ABI', 80, 1_000),
  f('EL_PASO_SPC', 'El Paso Service Processing Center', 'El Paso', 'TX', 'ELP', 50, 800),
  f('OTERO', 'Otero County Processing Center', 'Chaparral', 'NM', 'ELP', 80, 1_000),
  f('CIBOLA', 'Cibola County Correctional Center', 'Milan', 'NM', 'ELP', 450, 500),
  f('ELOY', 'Eloy Detention Center', 'Eloy', 'AZ', 'AZA', 120, 1_500),
  f('FLORENCE_SPC', 'Florence Service Processing Center', 'Florence', 'AZ', 'AZA', 100, 400),
  f('OTAY_MESA', 'Otay Mesa Detention Center', 'San Diego', 'CA', 'SAN', 80, 1_500),
  f('ADELANTO', 'Adelanto ICE Processing Center', 'Adelanto', 'CA', 'VCV', 60, 1_900),
  f('NWIPC', 'Northwest ICE Processing Center', 'Tacoma', 'WA', 'BFI', 90, 1_500),
  f('DENVER_AURORA', 'Denver Contract Detention Facility', 'Aurora', 'CO', 'DEN', 70, 1_500),
  f('MOSHANNON', 'Moshannon Valley Processing Center', 'Philipsburg', 'PA', 'PIT', 250, 1_800),
  f('BATAVIA', 'Buffalo (Batavia) Service Processing Center', 'Batavia', 'NY', 'BUF', 90, 650),
  f('ELIZABETH', 'Elizabeth Contract Detention Facility', 'Elizabeth', 'NJ', 'EWR', 50, 300),
  // Reopened for ICE under a contract announced in February 2025; in use by May 2025.
  f('DELANEY_HALL', 'Delaney Hall', 'Newark', 'NJ', 'EWR', 50, 1_000, { inUseFrom: '2025-05-01' }),
];

const BY_CODE: ReadonlyMap<string, Facility> = new Map(FACILITIES.map((x) => [x.code, x]));

/** The facility with that code, if the demo knows it. */
export const facilityByCode = (code: string): Facility | undefined => BY_CODE.get(code);

/** `Stewart Detention Center, Lumpkin, GA`. */
export const facilityLabel = (facility: Facility): string =>
  `${facility.name}, ${facility.city}, ${facility.state}`;
