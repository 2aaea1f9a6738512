/** Every removability rule, one per blocker code, in code order. */
import { appealPending } from './appeal-pending.js';
import { citizenshipClaim } from './citizenship-claim.js';
import { classOrder } from './class-order.js';
import { hold } from './hold.js';
import { lawfulStatus } from './lawful-status.js';
import { noFinalOrder } from './no-final-order.js';
import { noReturnAgreement } from './no-return-agreement.js';
import { noTravelDocument } from './no-travel-document.js';
import { protectedFromCountry } from './protected-from-country.js';
import type { Rule } from './rule.js';
import { stayOfRemoval } from './stay-of-removal.js';
import { tpsProtected } from './tps-protected.js';

export type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  appealPending,
  citizenshipClaim,
  classOrder,
  hold,
  lawfulStatus,
  noFinalOrder,
  noReturnAgreement,
  noTravelDocument,
  protectedFromCountry,
  stayOfRemoval,
  tpsProtected,
];
