/**
 * Demo profiles: a made-up name, date of birth and A-number for each demo person, so that
 * masking and the audit of unmasked reads have something real to work on.
 *
 * Pure and deterministic: the profile depends only on the person's id and the seed, so a
 * profile can be made for any person without generating the others. Names are drawn from
 * common given and family names; any match with a real person is chance.
 */
import { dayFromCivil } from '../domain/dates.js';
import type { PersonProfile } from '../domain/profile.js';
import { Random } from './random.js';

const GIVEN = [
  'Maria',
  'Jose',
  'Ana',
  'Luis',
  'Carmen',
  'Carlos',
  'Rosa',
  'Juan',
  'Elena',
  'Miguel',
  'Daniela',
  'Jorge',
  'Lucia',
  'Pedro',
  'Sofia',
  'Andres',
  'Isabel',
  'Rafael',
  'Gabriela',
  'Diego',
  'Fatima',
  'Ahmed',
  'Amina',
  'Omar',
  'Mei',
  'Wei',
  'Anh',
  'Minh',
  'Priya',
  'Arjun',
  'Jean',
  'Marie',
  'Pierre',
  'Nadia',
  'Samuel',
  'Grace',
  'Emmanuel',
  'Esther',
  'Ivan',
  'Olga',
] as const;

const FAMILY = [
  'Garcia',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Perez',
  'Sanchez',
  'Ramirez',
  'Torres',
  'Flores',
  'Rivera',
  'Gomez',
  'Diaz',
  'Cruz',
  'Morales',
  'Reyes',
  'Ortiz',
  'Castillo',
  'Mendoza',
  'Silva',
  'Santos',
  'Pierre',
  'Joseph',
  'Haidari',
  'Rahimi',
  'Nguyen',
  'Tran',
  'Chen',
  'Wang',
  'Singh',
  'Patel',
  'Okafor',
  'Mensah',
  'Kovalenko',
  'Petrov',
  'Ibrahim',
  'Hassan',
  'Alvarez',
  'Vargas',
] as const;

/** Multiplier that maps 0..10^8-1 onto itself one to one (it is prime to 10), so A-numbers never repeat. */
const A_NUMBER_STRIDE = 48_271;

/** The number in a demo id (`P0000042` → 42), or a hash of the id for ids of another form. */
function ordinal(personId: string): number {
  const digits = /^P(\d{1,8})$/.exec(personId)?.[1];
  if (digits !== undefined) return Number(digits);
  let h = 2_166_136_261;
  for (let i = 0; i < personId.length; i++) h = Math.imul(h ^ personId.charCodeAt(i), 16_777_619);
  return h >>> 0;
}

/** The demo profile of one person. */
export function demoProfile(personId: string, seed: number): Omit<PersonProfile, 'version' | 'recordedAt'> {
  const n = ordinal(personId);
  const random = new Random(seed * 1_000_003 + n);
  const pick = <T>(list: readonly T[]): T => list[random.int(0, list.length - 1)]!;
  const given = random.chance(0.3) ? `${pick(GIVEN)} ${pick(GIVEN)}` : pick(GIVEN);
  const family = random.chance(0.4) ? `${pick(FAMILY)} ${pick(FAMILY)}` : pick(FAMILY);
  const year = random.int(1950, 2006);
  const month = random.int(1, 12);
  const dayOfMonth = random.int(1, 28);
  const aNumber = 200_000_000 + ((n * A_NUMBER_STRIDE) % 100_000_000);
  return {
    personId,
    name: `${given} ${family}`,
    dateOfBirth: dayFromCivil(year, month, dayOfMonth),
    aNumber: `A${aNumber}`,
  };
}
