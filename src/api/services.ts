/**
 * What the API needs from the rest of the system, built once by the composition root
 * (src/main/server.ts) and passed to `buildServer`. Routes reach storage and the clock only
 * through these, so tests can build a server over any store and any clock.
 */
import type { Acting } from '../application/authorize.js';
import type { Network } from '../application/network.js';
import type { Operations } from '../application/operations.js';
import type { PlanWindow, StorePlan } from '../application/planning.js';
import type { BlockerCode } from '../domain/blockers.js';
import type { ProgramView } from '../domain/context.js';
import type { Day, Instant } from '../domain/dates.js';
import type { AccessLog, IdentityStore, ProfileStore } from '../domain/identity.js';
import type { Person } from '../domain/facts.js';
import type { FactStore } from '../domain/ports.js';
import type { PopulationService } from './population.js';

/** Removability counts of one destination country (or of everyone). */
export interface RemovabilityCounts {
  readonly people: number;
  /** Returned on a departed manifest: counted neither as removable nor under a blocker. */
  readonly returned: number;
  readonly removable: number;
  readonly blockers: Readonly<Partial<Record<BlockerCode, number>>>;
}

export interface RemovabilityStatistics {
  readonly on: Day;
  readonly knownAt: Instant;
  /** By destination country (`??` for people with no known nationality), most people first. */
  readonly countries: readonly (RemovabilityCounts & { readonly country: string })[];
  readonly total: RemovabilityCounts;
}

export interface StatisticsService {
  removability(on: Day, knownAt: Instant): Promise<RemovabilityStatistics>;
}

/** The programme as known at an instant, prepared for deciding many people. */
export interface ProgramSource {
  /**
   * `lastSeq`: the store's last event seq, when the caller has just read it (with the person,
   * in one statement); read again otherwise.
   */
  viewAt(knownAt: Instant, lastSeq?: number): Promise<ProgramView>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** The reads every request makes, answered as `FactStore` answers them but at less cost. */
export interface PersonReader {
  getPerson(id: string): Promise<Person | undefined>;
  /** The person with the store's last event seq, read in one statement; undefined for an unknown id. */
  readPerson(id: string): Promise<{ readonly person: Person; readonly lastSeq: number } | undefined>;
  lastSeq(): Promise<number>;
}

export interface ApiServices {
  /** Writes, and the reads that are not on every request's path. */
  readonly facts: FactStore;
  readonly people: PersonReader;
  readonly program: ProgramSource;
  readonly identity: IdentityStore;
  readonly profiles: ProfileStore;
  readonly accessLog: AccessLog;
  readonly statistics: StatisticsService;
  /** Flights, manifests, notices, court orders and the audit chain: the application services, which check roles themselves. */
  readonly operations: Operations;
  /** Flights, facilities and transfers with their airports checked against the airport data, as the CLI registers them. */
  readonly network: Network;
  /** Ids of the registered detention facilities, which a class order's facility criterion must name when there are any. */
  readonly registeredFacilities: () => Promise<ReadonlySet<string>>;
  /** `planFromStore` with the store's services and the solver; it checks the role itself. */
  readonly plans: (actor: Acting, window: PlanWindow & { readonly save?: boolean | undefined }) => Promise<StorePlan>;
  /** Sweeps and timelines of the whole population. */
  readonly population: PopulationService;
  readonly passwords: PasswordHasher;
  /** Epoch milliseconds; the only clock the API reads. */
  readonly clock: () => Instant;
  /** Random bytes for session and token secrets and ids. */
  readonly randomBytes: (size: number) => Buffer;
  /** Where the structured (JSON lines) log goes; it never receives personal data or secrets. */
  readonly logDestination: { write(line: string): void };
  /** Whether the database answers, for /health. */
  readonly ping: () => Promise<boolean>;
}
