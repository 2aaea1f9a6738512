/**
 * The demo's programme facts: return agreements and one class-wide court order.
 *
 * TPS designations are not here: they are the product's own reference data
 * (`data/tps-designations.json`, ids like `VE-2023/2025-05-19/court_order`), loaded beside
 * these. The demo's `tps` grants name those designations.
 *
 * The agreements are illustrative: their start dates, weekly caps and document rules are
 * plausible demo values, not the terms of real arrangements, except where a comment says
 * what real event a record stands for.
 */
import type { ClassOrderFact, CountryCode, ProgramFact, ReturnAgreementFact } from '../domain/facts.js';
import { at, day } from './calendar.js';
import { parseInstant } from '../domain/dates.js';

const instant = (text: string): number => {
  const parsed = parseInstant(text);
  if (parsed === undefined) throw new RangeError(`"${text}" is not an ISO-8601 instant`);
  return parsed;
};

interface AgreementRow {
  readonly country: CountryCode;
  readonly from: string;
  readonly weeklyCap?: number;
  readonly requiresTravelDocument?: boolean;
  readonly transport?: ReturnAgreementFact['transport'];
}

/**
 * Standing agreements, each recorded on its first day at 15:00 UTC. Iran and Afghanistan
 * have none: the demo's people from there can never be removed (NO_RETURN_AGREEMENT).
 */
const STANDING: readonly AgreementRow[] = [
  { country: 'MX', from: '2012-01-01' },
  { country: 'GT', from: '2014-07-01', weeklyCap: 1_200 },
  { country: 'HN', from: '2014-07-01', weeklyCap: 1_000 },
  { country: 'SV', from: '2014-07-01', weeklyCap: 700 },
  { country: 'DO', from: '2014-09-01', weeklyCap: 400 },
  { country: 'CR', from: '2015-01-01' },
  { country: 'AL', from: '2015-01-01' },
  { country: 'EG', from: '2015-01-01' },
  { country: 'HT', from: '2015-02-01', weeklyCap: 300 },
  { country: 'EC', from: '2015-04-01', weeklyCap: 500 },
  { country: 'BR', from: '2015-06-01', weeklyCap: 300 },
  { country: 'NI', from: '2016-03-01', weeklyCap: 150 },
  { country: 'GH', from: '2016-05-01' },
  { country: 'CN', from: '2016-09-01', weeklyCap: 100, requiresTravelDocument: true },
  { country: 'CM', from: '2016-11-01' },
  // The US–Cuba joint statement of 12 January 2017 (end of "wet foot, dry foot").
  { country: 'CU', from: '2017-01-12', weeklyCap: 50, requiresTravelDocument: true },
  { country: 'BD', from: '2017-10-01', requiresTravelDocument: true },
  { country: 'ET', from: '2018-01-01' },
  { country: 'AM', from: '2018-03-01' },
  { country: 'GN', from: '2018-06-01', requiresTravelDocument: true },
  { country: 'KH', from: '2018-09-01', requiresTravelDocument: true },
];

const agreement = (
  id: string,
  row: AgreementRow,
  recordedAt: number,
  extra: { through?: number; retractedAt?: number } = {},
): ReturnAgreementFact => ({
  id,
  type: 'return_agreement',
  country: row.country,
  from: day(row.from),
  through: extra.through ?? null,
  weeklyCap: row.weeklyCap,
  requiresTravelDocument: row.requiresTravelDocument ?? false,
  transport: row.transport ?? 'sending',
  recordedAt,
  ...(extra.retractedAt === undefined ? {} : { retractedAt: extra.retractedAt }),
});

const agreementId = (country: CountryCode, from: string): string => `agreement/${country}/${from}`;

/** Where the demo's class-wide order applies: Venezuelans held at this facility. */
export const CLASS_ORDER_FACILITY = 'BLUEBONNET';

/** Programme facts of the demo (return agreements and a class order), in a fresh array. */
export function demoProgram(): ProgramFact[] {
  const facts: ProgramFact[] = STANDING.map((row) =>
    agreement(agreementId(row.country, row.from), row, at(day(row.from), 15 * 60)),
  );

  // Colombia turned back two US removal flights on 26 January 2025 and agreed to resume
  // late that evening. The open agreement was corrected (retracted, re-recorded with its
  // end) and a new one recorded: a transaction-time correction in the programme.
  const colombia: AgreementRow = { country: 'CO', from: '2015-04-01', weeklyCap: 500 };
  facts.push(
    agreement(agreementId('CO', '2015-04-01'), colombia, at(day('2015-04-01'), 15 * 60), {
      retractedAt: instant('2025-01-26T20:00:00Z'),
    }),
    agreement(`${agreementId('CO', '2015-04-01')}/ended`, colombia, instant('2025-01-26T20:00:00Z'), {
      through: day('2025-01-25'),
    }),
    agreement(
      agreementId('CO', '2025-01-27'),
      { ...colombia, from: '2025-01-27' },
      instant('2025-01-27T04:00:00Z'),
    ),
  );

  // Venezuela agreed on 31 January 2025 to take back its nationals; it supplies the
  // aircraft (Conviasa), so the agreement's transport side is the receiving country.
  facts.push(
    agreement(
      agreementId('VE', '2025-01-31'),
      { country: 'VE', from: '2025-01-31', weeklyCap: 400, transport: 'receiving' },
      instant('2025-02-01T02:30:00Z'),
    ),
  );

  // Modelled on the Alien Enemies Act litigation (J.G.G. v. Trump; A.A.R.P. v. Trump): the
  // Supreme Court's order of 19 April 2025 (issued about 1 a.m. Eastern) barred removing
  // members of the putative class of Venezuelans held in the Northern District of Texas,
  // where the Bluebonnet Detention Facility is; its decision of 16 May 2025 kept the bar.
  const classOrder: ClassOrderFact = {
    id: 'class_order/AARP-v-Trump/2025-04-19',
    type: 'class_order',
    criteria: { nationality: ['VE'], facility: [CLASS_ORDER_FACILITY] },
    from: day('2025-04-19'),
    through: null,
    citation:
      'A.A.R.P. v. Trump, No. 24A1007 (U.S. May 16, 2025) (per curiam); interim order (U.S. Apr. 19, 2025)',
    recordedAt: instant('2025-04-19T05:00:00Z'),
  };
  facts.push(classOrder);
  return facts;
}
