/**
 * Facts in plain English, one line each, for the person page, the decision's reasons and
 * the programme's legal timeline.
 */
import type { Schemas } from './api/client';
import { countryName, formatDate, formatPeriod, humanize } from './format';

export type PersonFact = Schemas['PersonFact'];
export type ProgramFact = Schemas['ProgramFact'];
export type AnyFact = PersonFact | ProgramFact;

const KIND_NAMES: Readonly<Record<string, string>> = {
  removal: 'removal order',
  expedited_removal: 'expedited removal order',
  reinstatement: 'reinstated removal order',
  withholding: 'withholding of removal',
  cat_withholding: 'withholding under the Convention Against Torture',
  cat_deferral: 'deferral under the Convention Against Torture',
  lpr: 'lawful permanent residence',
  asylee: 'asylum',
  refugee: 'refugee status',
  parole: 'parole',
  medical: 'medical hold',
  legal: 'legal hold',
  investigative: 'investigative hold',
};
const kindName = (kind: string): string => KIND_NAMES[kind] ?? kind.replace(/_/g, ' ');

const TITLES: Readonly<Partial<Record<AnyFact['type'], string>>> = {
  tps: 'TPS grant',
  tps_designation: 'TPS designation record',
};

/** The kind of fact, as a heading: `Final order`, `TPS grant`. */
export const factTitle = (fact: AnyFact): string => TITLES[fact.type] ?? humanize(fact.type);

/** What the fact says, without its kind. */
export function factText(fact: AnyFact): string {
  switch (fact.type) {
    case 'nationality':
      return `National of ${countryName(fact.country)}`;
    case 'final_order':
      return `Final ${kindName(fact.kind)}, ${formatPeriod(fact.from, fact.through)}`;
    case 'appeal':
      return `Appeal ${fact.stay === true ? 'with a stay of removal' : 'without a stay'}, ${formatPeriod(fact.from, fact.through)}`;
    case 'stay':
      return `Stay of removal, ${formatPeriod(fact.from, fact.through)}`;
    case 'tps':
      return `Temporary Protected Status under ${fact.designation}, ${formatPeriod(fact.from, fact.through)}`;
    case 'protection':
      return `${humanize(kindName(fact.kind))} for ${countryName(fact.country)}, ${formatPeriod(fact.from, fact.through)}`;
    case 'lawful_status':
      return `${humanize(kindName(fact.kind))}, ${formatPeriod(fact.from, fact.through)}`;
    case 'citizenship_claim': {
      const outcome =
        fact.resolution === undefined
          ? 'pending'
          : `${fact.resolution}${fact.resolvedOn === undefined ? '' : ` on ${formatDate(fact.resolvedOn)}`}`;
      return `Claims citizenship of ${countryName(fact.country)} since ${formatDate(fact.from)}, ${outcome}`;
    }
    case 'travel_document':
      return `Travel document from ${countryName(fact.country)}, valid ${formatPeriod(fact.from, fact.through)}`;
    case 'hold':
      return `${humanize(kindName(fact.kind))}, ${formatPeriod(fact.from, fact.through)}`;
    case 'custody':
      return `In custody at ${fact.facility}, ${formatPeriod(fact.from, fact.through)}`;
    case 'notice':
      return `Notice of intended removal served on ${formatDate(fact.servedOn)}${fact.counsel ? ', counsel notified' : ''}`;
    case 'family':
      return `Member of family group ${fact.group}`;
    case 'tps_designation':
      return `${fact.designation} (${countryName(fact.country)}) in effect ${formatPeriod(fact.from, fact.through)}`;
    case 'class_order':
      return `Class-wide order ${formatPeriod(fact.from, fact.through)}`;
    case 'return_agreement':
      return `Return agreement with ${countryName(fact.country)}, ${formatPeriod(fact.from, fact.through)}`;
  }
}

/** The valid-time period of a fact, when it has one: `[from, through | null]`. */
export function validPeriod(fact: AnyFact): { from: string; through: string | null } | undefined {
  switch (fact.type) {
    case 'nationality':
    case 'family':
      return undefined;
    case 'notice':
      return { from: fact.servedOn, through: fact.servedOn };
    case 'citizenship_claim':
      return { from: fact.from, through: fact.resolvedOn ?? null };
    case 'final_order':
    case 'appeal':
    case 'stay':
    case 'tps':
    case 'protection':
    case 'lawful_status':
    case 'travel_document':
    case 'hold':
    case 'custody':
    case 'tps_designation':
    case 'class_order':
    case 'return_agreement':
      return { from: fact.from, through: fact.through ?? null };
  }
}

/** A fact was known at an instant if recorded by then and not yet retracted. */
export const knownAt = (fact: AnyFact, instant: number): boolean =>
  Date.parse(fact.recordedAt) <= instant &&
  (fact.retractedAt === undefined || Date.parse(fact.retractedAt) > instant);

/** A fact id as an HTML id: ids may hold `/` and `:`. */
export const anchorOf = (factId: string): string => `fact-${factId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
