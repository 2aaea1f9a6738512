/**
 * Who is on the non-detained docket with a final order, by country of citizenship: the
 * demo's nationality mix.
 *
 * Source: ICE response to Congress, November 2024 ("noncitizens on ICE's non-detained docket
 * with final orders of removal", as of 24 November 2024; total 1,445,549), as published and
 * quoted in the press. The country rows are copied verbatim in
 * `data/nondetained-final-orders-2024-11-24.csv`; that copy is partial after Haiti, so some
 * large countries (e.g. India) are missing there and therefore here. The 25 largest rows of
 * the copy are below, with the CSV's country name mapped to ISO 3166-1 alpha-2 by hand.
 * Together they are 1,289,788 of the CSV's 1,312,182 listed people (98.3%).
 */
import type { CountryCode } from '../domain/facts.js';

export interface DocketCountry {
  readonly country: CountryCode;
  /** The name exactly as the source CSV spells it. */
  readonly sourceName: string;
  /** People with a final order on the non-detained docket, 24 Nov 2024. */
  readonly count: number;
}

export const DOCKET_SOURCE =
  'ICE response to Congress, November 2024: noncitizens on the non-detained docket with final orders, as of 24 Nov 2024';

/** The 25 largest countries of the source, largest first. */
export const NONDETAINED_FINAL_ORDERS_2024_11_24: readonly DocketCountry[] = [
  { country: 'HN', sourceName: 'Honduras', count: 261_651 },
  { country: 'GT', sourceName: 'Guatemala', count: 253_413 },
  { country: 'MX', sourceName: 'Mexico', count: 252_044 },
  { country: 'SV', sourceName: 'El Salvador', count: 203_822 },
  { country: 'NI', sourceName: 'Nicaragua', count: 45_995 },
  { country: 'CU', sourceName: 'Cuba', count: 42_084 },
  { country: 'BR', sourceName: 'Brazil', count: 38_677 },
  { country: 'CN', sourceName: 'China, Peoples Republic of', count: 37_908 },
  { country: 'HT', sourceName: 'Haiti', count: 32_363 },
  { country: 'EC', sourceName: 'Ecuador', count: 31_252 },
  { country: 'CO', sourceName: 'Colombia', count: 27_388 },
  { country: 'VE', sourceName: 'Venezuela', count: 22_749 },
  { country: 'DO', sourceName: 'Dominican Republic', count: 12_699 },
  { country: 'BD', sourceName: 'Bangladesh', count: 4_837 },
  { country: 'GH', sourceName: 'Ghana', count: 3_228 },
  { country: 'AM', sourceName: 'Armenia', count: 2_808 },
  { country: 'IR', sourceName: 'Iran', count: 2_618 },
  { country: 'CR', sourceName: 'Costa Rica', count: 2_116 },
  { country: 'GN', sourceName: 'Guinea', count: 1_897 },
  { country: 'AL', sourceName: 'Albania', count: 1_874 },
  { country: 'KH', sourceName: 'Cambodia', count: 1_747 },
  { country: 'CM', sourceName: 'Cameroon', count: 1_736 },
  { country: 'ET', sourceName: 'Ethiopia', count: 1_713 },
  { country: 'AF', sourceName: 'Afghanistan', count: 1_708 },
  { country: 'EG', sourceName: 'Egypt', count: 1_461 },
];

/**
 * Venezuela's share of the demo population. In the source Venezuela is only 22,749 of
 * 1,289,788 (1.8% of these 25 countries; 1.6% of the whole docket of 1,445,549). The demo exists to
 * show what the 2025 TPS terminations and court orders do, so it deliberately over-weights
 * Venezuela to 12% and spreads the remaining 88% over the other 24 countries in the
 * source's proportions.
 */
export const DEMO_VENEZUELA_SHARE = 0.12;

/** The demo's nationality weights (sum to 1): Venezuela at {@link DEMO_VENEZUELA_SHARE}, the rest as in the source. */
export function demoNationalityShares(): readonly (readonly [CountryCode, number])[] {
  const others = NONDETAINED_FINAL_ORDERS_2024_11_24.filter((c) => c.country !== 'VE');
  const othersTotal = others.reduce((sum, c) => sum + c.count, 0);
  return NONDETAINED_FINAL_ORDERS_2024_11_24.map((c) => [
    c.country,
    c.country === 'VE' ? DEMO_VENEZUELA_SHARE : ((1 - DEMO_VENEZUELA_SHARE) * c.count) / othersTotal,
  ]);
}
