/**
 * Demo data: a deterministic, realistic population and programme for `repatria demo`.
 * Pure: no I/O, no clock, no `Math.random`.
 */
export { DEFAULT_BATCH_SIZE, DEMO_SHARES, demoPeople, demoProgram, generateDemo } from './population.js';
export type { DemoData, DemoOptions } from './population.js';
export { CLASS_ORDER_FACILITY } from './program.js';
export { FACILITIES, facilityByCode, facilityLabel } from './facilities.js';
export type { Facility, UsState } from './facilities.js';
export {
  DEMO_VENEZUELA_SHARE,
  DOCKET_SOURCE,
  NONDETAINED_FINAL_ORDERS_2024_11_24,
  demoNationalityShares,
} from './docket.js';
export type { DocketCountry } from './docket.js';
export { Random, WeightedTable } from './random.js';
