/**
 * Blocker codes as bits of a 16-bit mask: bit `i` is `BLOCKER_CODES[i]`, so a mask read in
 * bit order lists the codes sorted, as the decision reports them.
 */
import { BLOCKER_CODES, type BlockerCode } from '../blockers.js';

export const APPEAL_PENDING = 1 << 0;
export const CITIZENSHIP_CLAIM = 1 << 1;
export const CLASS_ORDER = 1 << 2;
export const HOLD = 1 << 3;
export const LAWFUL_STATUS = 1 << 4;
export const NO_FINAL_ORDER = 1 << 5;
export const NO_RETURN_AGREEMENT = 1 << 6;
export const NO_TRAVEL_DOCUMENT = 1 << 7;
export const PROTECTED_FROM_COUNTRY = 1 << 8;
export const STAY_OF_REMOVAL = 1 << 9;
export const TPS_PROTECTED = 1 << 10;

export const BLOCKER_COUNT = BLOCKER_CODES.length;

/** Bit index of each code; checked against BLOCKER_CODES by the tests. */
export const BLOCKER_BIT: Readonly<Record<BlockerCode, number>> = {
  APPEAL_PENDING: 0,
  CITIZENSHIP_CLAIM: 1,
  CLASS_ORDER: 2,
  HOLD: 3,
  LAWFUL_STATUS: 4,
  NO_FINAL_ORDER: 5,
  NO_RETURN_AGREEMENT: 6,
  NO_TRAVEL_DOCUMENT: 7,
  PROTECTED_FROM_COUNTRY: 8,
  STAY_OF_REMOVAL: 9,
  TPS_PROTECTED: 10,
};

/** The codes of a mask, sorted. */
export function codesOfMask(mask: number): BlockerCode[] {
  const out: BlockerCode[] = [];
  for (let b = 0; b < BLOCKER_COUNT; b++) if ((mask & (1 << b)) !== 0) out.push(BLOCKER_CODES[b]!);
  return out;
}
