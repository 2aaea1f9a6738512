/**
 * A person's profile: the personal data that identifies them (name, date of birth,
 * A-number), kept apart from the legal facts. The decision never reads it; it is what people
 * need to find a record, and what must be masked from those who do not need it.
 *
 * Profiles are insert-only like facts: a correction is a new version, the latest wins.
 */
import { civilFromDay, formatDay, type Day, type Instant } from './dates.js';

export interface PersonProfile {
  readonly personId: string;
  /** 1 for the first record, one more for each correction. */
  readonly version: number;
  readonly name: string;
  readonly dateOfBirth: Day | null;
  /** Alien registration number: `A` and 8 or 9 digits. */
  readonly aNumber: string | null;
  readonly recordedAt: Instant;
}

/** A profile as a reader sees it: every field either in full or masked. */
export interface ProfileView {
  readonly masked: boolean;
  readonly name: string;
  /** `YYYY-MM-DD` in full; the birth year alone when masked. */
  readonly dateOfBirth: string | null;
  /** `A123456789` in full; `A******789` when masked. */
  readonly aNumber: string | null;
}

export const A_NUMBER = /^A\d{8,9}$/;

/** What people may be found by (both, when both are given). */
export interface PeopleSearch {
  /** An A-number as people write it (see `aNumberForms`). */
  readonly aNumber?: string | undefined;
  /** Words of the name (see `nameSearch`). */
  readonly name?: string | undefined;
}

/** Initials only: `Maria Elena Gonzalez` → `M. E. G.` */
export function maskName(name: string): string {
  const parts = name.split(/\s+/).filter((p) => p !== '');
  // The first code point of each part: enough for the names this holds (no emoji in names).
  return parts.length === 0
    ? ''
    : parts.map((p) => `${String.fromCodePoint(p.codePointAt(0)!).toUpperCase()}.`).join(' ');
}

/** Keeps the last three digits, enough to tell two records apart on a list. */
export const maskANumber = (aNumber: string): string =>
  `A${'*'.repeat(Math.max(0, aNumber.length - 4))}${aNumber.slice(-3)}`;

/** The view of a profile, masked or in full, with dates written for people. */
export function profileView(profile: PersonProfile, masked: boolean): ProfileView {
  if (!masked) {
    return {
      masked: false,
      name: profile.name,
      dateOfBirth: profile.dateOfBirth === null ? null : formatDay(profile.dateOfBirth),
      aNumber: profile.aNumber,
    };
  }
  return {
    masked: true,
    name: maskName(profile.name),
    dateOfBirth: profile.dateOfBirth === null ? null : String(civilFromDay(profile.dateOfBirth).year),
    aNumber: profile.aNumber === null ? null : maskANumber(profile.aNumber),
  };
}

/**
 * The written forms of one A-number, for finding it: an A-number of eight digits is also
 * written with a leading zero as nine (A12345678 is A012345678), and people type it with
 * spaces or dashes, with or without the A. Undefined when the text is no A-number.
 */
export function aNumberForms(text: string): string[] | undefined {
  const digits = /^A?(\d{8,9})$/.exec(text.replace(/[\s-]/g, '').toUpperCase())?.[1];
  if (digits === undefined) return undefined;
  const short = digits.length === 9 && digits.startsWith('0') ? digits.slice(1) : digits;
  return short.length === 8 ? [`A${short}`, `A0${short}`] : [`A${short}`];
}

/** A name's words for searching: lower case, accents dropped, split at spaces and punctuation. */
export function nameWords(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/**
 * Whether a name answers a search: each word searched begins a word of the name, in any
 * order, accents and case aside (`jose gonz` finds `José Luis González`). Undefined for a
 * search with no word in it.
 */
export function nameSearch(search: string): ((name: string) => boolean) | undefined {
  const wanted = nameWords(search);
  if (wanted.length === 0) return undefined;
  return (name) => {
    const words = nameWords(name);
    return wanted.every((w) => words.some((word) => word.startsWith(w)));
  };
}
