/**
 * The store and the work of the approval crash test (approval-kill.test.ts), shared by the
 * test and the child process it kills (approval-worker.ts).
 *
 * `FLIGHTS` flights of `MANIFESTS_PER_FLIGHT` manifests, each of `PEOPLE_PER_MANIFEST` people
 * ready to fly, in legal review and cleared. Even flights are contended: fewer seats than
 * people, so later approvals are refused for want of seats. Odd flights have room for
 * everyone, and their manifests go on to boarding and departure.
 *
 * The work is one fixed sequence of steps, each of which the worker can tell is already done
 * from the store alone, so that a killed run is resumed by running it again. Nothing a later
 * step does may change what an earlier step decides when it is retried: seats are only ever
 * freed on flights that have room for everyone, so an approval refused for want of seats is
 * refused again on every retry.
 */
import type { Acting } from '../../src/application/authorize.js';
import type { Operations } from '../../src/application/operations.js';
import type { Instant } from '../../src/domain/dates.js';
import type { Person, PersonFact } from '../../src/domain/facts.js';
import type { FlightInfo } from '../../src/domain/manifest/manifest.js';
import type { OpenedStore } from '../../src/store/open-store.js';
import { AGREEMENT, FLIGHT_DAY, flight, readyPerson } from '../manifests/world.js';

export const FLIGHTS = Number(process.env.REPATRIA_FAULT_FLIGHTS ?? 16);
export const MANIFESTS_PER_FLIGHT = 4;
export const PEOPLE_PER_MANIFEST = 6;
/**
 * Contended flights: the first manifest (6), the second less the one a court order strikes
 * (5) and the third less the one its approval strikes (5) fill the seats; the fourth is
 * refused.
 */
const CONTENDED_SEATS = 3 * PEOPLE_PER_MANIFEST - 2;
const ROOMY_SEATS = MANIFESTS_PER_FLIGHT * PEOPLE_PER_MANIFEST + 2;

export const LOADER: Acting = { id: 'loader', role: 'admin' };
export const PLANNER: Acting = { id: 'planner-1', role: 'planner' };
export const LEGAL: Acting = { id: 'legal-1', role: 'legal' };
export const SUPERVISOR: Acting = { id: 'supervisor-1', role: 'supervisor' };
export const OFFICER: Acting = { id: 'officer-1', role: 'officer' };
export const AUDITOR: Acting = { id: 'auditor-1', role: 'auditor' };

export const flightId = (f: number): string => `FX${String(f + 1).padStart(3, '0')}`;
export const manifestId = (f: number, m: number): string => `${flightId(f)}-M${m + 1}`;
export const personId = (f: number, m: number, p: number): string => `${manifestId(f, m)}-P${p + 1}`;

export const contended = (f: number): boolean => f % 2 === 0;

export function flights(): FlightInfo[] {
  return Array.from({ length: FLIGHTS }, (_, f) => flight(flightId(f), contended(f) ? CONTENDED_SEATS : ROOMY_SEATS));
}

/** A stay of removal over the flight day: whoever it is about may no longer take the flight. */
export const stay = (id: string, recordedAt: Instant): PersonFact => ({
  id,
  type: 'stay',
  from: FLIGHT_DAY - 10,
  through: null,
  recordedAt,
});

/** What is done to one manifest, in this order. */
export interface ManifestPlan {
  readonly flight: number;
  readonly manifest: number;
  /** A court order (a stay, through the application) for this person before the approval: struck while in review. */
  readonly orderBeforeApproval: string | undefined;
  /** A court order once approved: struck from an approved manifest, freeing a seat (roomy flights only). */
  readonly orderAfterApproval: string | undefined;
  /** A stay recorded straight into the fact store once approved (no re-decision): the departure check strikes. */
  readonly lateStay: string | undefined;
  readonly board: boolean;
  readonly depart: boolean;
}

export function plans(): ManifestPlan[] {
  const out: ManifestPlan[] = [];
  for (let f = 0; f < FLIGHTS; f += 1) {
    for (let m = 0; m < MANIFESTS_PER_FLIGHT; m += 1) {
      const roomy = !contended(f);
      out.push({
        flight: f,
        manifest: m,
        orderBeforeApproval: m === 1 ? personId(f, m, 0) : undefined,
        orderAfterApproval: roomy && m === 0 ? personId(f, m, 1) : undefined,
        lateStay: roomy && m === 2 ? personId(f, m, 2) : undefined,
        board: roomy && m !== 3,
        depart: roomy && m <= 1,
      });
    }
  }
  return out;
}

/**
 * People, flights and manifests in review and cleared. One person on each contended flight's
 * third manifest has a stay recorded straight into the fact store, so its approval (were there
 * seats) would strike them: the store holds facts the manifests have not yet been re-decided on.
 */
export async function seed(store: OpenedStore, ops: Operations, recordedAt: Instant): Promise<void> {
  await store.recordProgramFacts([AGREEMENT], LOADER);
  const people: Person[] = [];
  for (let f = 0; f < FLIGHTS; f += 1)
    for (let m = 0; m < MANIFESTS_PER_FLIGHT; m += 1)
      for (let p = 0; p < PEOPLE_PER_MANIFEST; p += 1) people.push(readyPerson(personId(f, m, p)));
  await store.addPeople(people, LOADER);
  for (const [f, info] of flights().entries()) {
    await ops.registerFlight(PLANNER, info);
    for (let m = 0; m < MANIFESTS_PER_FLIGHT; m += 1) {
      const id = manifestId(f, m);
      await ops.createManifest(PLANNER, { flightId: info.id, manifestId: id });
      const onIt = Array.from({ length: PEOPLE_PER_MANIFEST }, (_, p) => personId(f, m, p));
      await ops.command(PLANNER, id, { type: 'add', personIds: onIt });
      await ops.command(PLANNER, id, { type: 'submit' });
      await ops.command(LEGAL, id, { type: 'review', outcome: 'cleared' });
      if (contended(f) && m === 2) await store.recordPersonFacts(personId(f, m, 3), [stay(`pre-${personId(f, m, 3)}`, recordedAt)], LOADER);
    }
  }
}
