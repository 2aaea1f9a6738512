/**
 * Blocker codes of the removability decision, each with the sentence people read.
 * Codes are stable identifiers shared by the API, the CLI, the sweep and the planner.
 */
export const BLOCKER_CODES = [
  'APPEAL_PENDING',
  'CITIZENSHIP_CLAIM',
  'CLASS_ORDER',
  'HOLD',
  'LAWFUL_STATUS',
  'NO_FINAL_ORDER',
  'NO_RETURN_AGREEMENT',
  'NO_TRAVEL_DOCUMENT',
  'PROTECTED_FROM_COUNTRY',
  'STAY_OF_REMOVAL',
  'TPS_PROTECTED',
] as const;

export type BlockerCode = (typeof BLOCKER_CODES)[number];

/** Plain-English explanation of each blocker, written for the person affected and their counsel. */
export const BLOCKER_SENTENCES: Readonly<Record<BlockerCode, string>> = {
  APPEAL_PENDING: 'An appeal or petition for review is pending and removal is stayed while it is decided.',
  CITIZENSHIP_CLAIM: 'The person claims United States citizenship, and the claim has not been rejected.',
  CLASS_ORDER: 'A court order protecting a group of people that includes this person bars removal.',
  HOLD: 'A medical, legal or investigative hold is in effect.',
  LAWFUL_STATUS: 'The person holds a lawful status (such as permanent residence, asylum, refugee status or parole).',
  NO_FINAL_ORDER: 'There is no final order of removal in effect.',
  NO_RETURN_AGREEMENT: 'No return agreement with the destination country is in effect.',
  NO_TRAVEL_DOCUMENT:
    'The destination country requires a travel document, and the person has no valid one from that country.',
  PROTECTED_FROM_COUNTRY:
    'The person has withholding of removal or protection under the Convention Against Torture for the destination country.',
  STAY_OF_REMOVAL: 'A court or the agency has granted a stay of removal.',
  TPS_PROTECTED: 'The person holds Temporary Protected Status under a designation that is in effect.',
};

/** Checks that an unknown string is a blocker code. */
export const isBlockerCode = (code: string): code is BlockerCode =>
  (BLOCKER_CODES as readonly string[]).includes(code);
