/**
 * The audit log as a hash chain: each entry's hash covers its own content and the hash of the
 * entry before it, so that changing, removing or reordering any stored entry breaks the chain
 * at that entry. Entries removed from the end leave a chain that is intact, only shorter: the
 * writer therefore records the end it left with each append, and the walk's end is checked
 * against it (`checkEnd`). Pure: the hash function (SHA-256 in the store) is passed in, since
 * the domain does no I/O and imports no `node:crypto`.
 *
 * Entry shape (STYLE.md): what, who, when, subjectId, subjectType, correlationId, details.
 */
import type { Instant } from './dates.js';

export interface AuditEntry {
  /** Position in the log, from 1, without gaps. */
  readonly seq: number;
  readonly when: Instant;
  /** What happened, e.g. `manifest.approved`, `fact.recorded`. */
  readonly what: string;
  /** The acting user's id. */
  readonly who: string;
  readonly subjectType: string;
  readonly subjectId: string;
  /** Shared by every entry one command wrote. */
  readonly correlationId: string;
  /** Canonical JSON text (see `canonicalJson`); ids and codes, never personal data. */
  readonly details: string;
}

export interface ChainedEntry extends AuditEntry {
  readonly prevHash: string;
  readonly hash: string;
}

/** Hex digest of a text (SHA-256 in every adapter). */
export type HashText = (text: string) => string;

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted and `undefined` members left out: one spelling per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError(`${typeof value} has no JSON form`);
    return text;
  }
  if (Array.isArray(value))
    return `[${value.map((v: unknown) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The text an entry's hash is taken of: every field, the previous hash included. */
export const chainText = (entry: AuditEntry, prevHash: string): string =>
  canonicalJson({
    seq: entry.seq,
    when: entry.when,
    what: entry.what,
    who: entry.who,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    correlationId: entry.correlationId,
    details: entry.details,
    prevHash,
  });

/** The entry linked after the entry whose hash is `prevHash` (`GENESIS_HASH` for the first). */
export const link = (entry: AuditEntry, prevHash: string, hash: HashText): ChainedEntry => ({
  ...entry,
  prevHash,
  hash: hash(chainText(entry, prevHash)),
});

export interface ChainBreak {
  /**
   * The first entry that does not fit: the one altered, the first after a removed one, the
   * first removed from the end, or the first past the end the writer recorded.
   */
  readonly seq: number;
  readonly problem: 'altered' | 'relinked' | 'missing_before' | 'truncated' | 'unrecorded';
  readonly message: string;
}

/** Where the verification stands after the entries seen so far. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const EMPTY_CHAIN: ChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * Checks the next stored entry against the head of the chain verified so far: it must follow
 * without a gap, point at the previous hash, and hash to its stored hash.
 */
export function checkNext(head: ChainHead, entry: ChainedEntry, hash: HashText): ChainBreak | undefined {
  if (entry.seq !== head.seq + 1) {
    return {
      seq: entry.seq,
      problem: 'missing_before',
      message: `entry ${entry.seq} follows entry ${head.seq}: ${entry.seq > head.seq + 1 ? 'entries before it were removed' : 'its position was changed'}`,
    };
  }
  if (entry.prevHash !== head.hash) {
    return {
      seq: entry.seq,
      problem: 'relinked',
      message: `entry ${entry.seq} does not point at the hash of entry ${head.seq}: it or its predecessor was changed`,
    };
  }
  if (hash(chainText(entry, entry.prevHash)) !== entry.hash) {
    return {
      seq: entry.seq,
      problem: 'altered',
      message: `entry ${entry.seq} was changed after it was written: its content no longer matches its hash`,
    };
  }
  return undefined;
}

/**
 * The end of a walk of the stored log beside the end its writer recorded. The recorded end is
 * read twice, `before` the walk and `after` it, so that a walk needs no snapshot while writers
 * append: every entry committed before the walk began is at or below `before`, and every entry
 * the walk read was committed with a recorded end at or above it, which `after` sees.
 */
export interface WalkedEnd {
  /** The last entry of the walk (every entry up to it verified by `checkNext`). */
  readonly walked: ChainHead;
  /** The hash of the walked entry whose seq is `before.seq`, if the walk reached it. */
  readonly hashAtBefore: string | undefined;
  readonly before: ChainHead;
  readonly after: ChainHead;
}

/**
 * Checks that the log ends where its writer left it: nothing removed from the end (the walk
 * reaches `before`, and the entry there is the one written), and nothing added past it that
 * the writer did not record (the walk stops at or below `after`).
 */
export function checkEnd(end: WalkedEnd): ChainBreak | undefined {
  const { walked, hashAtBefore, before, after } = end;
  if (walked.seq < before.seq) {
    const seq = walked.seq + 1;
    return {
      seq,
      problem: 'truncated',
      message: `entry ${seq} is missing: the log was written up to entry ${before.seq} but ends at entry ${walked.seq}, so entries were removed from its end`,
    };
  }
  if (before.seq > 0 && hashAtBefore !== before.hash) {
    return {
      seq: before.seq,
      problem: 'altered',
      message: `entry ${before.seq} is not the entry written there: its hash differs from the one recorded when it was appended`,
    };
  }
  if (walked.seq > after.seq) {
    const seq = after.seq + 1;
    return {
      seq,
      problem: 'unrecorded',
      message: `entry ${seq} was not appended by the log's writer: the log was written up to entry ${after.seq}`,
    };
  }
  return undefined;
}

export type ChainVerdict =
  | { readonly ok: true; readonly entries: number; readonly head: ChainHead }
  | { readonly ok: false; readonly entries: number; readonly broken: ChainBreak };

/**
 * Verifies a whole log given in seq order against the end its writer recorded (`recorded`;
 * read once, as nothing is appended meanwhile).
 */
export function verifyChain(entries: Iterable<ChainedEntry>, recorded: ChainHead, hash: HashText): ChainVerdict {
  let head = EMPTY_CHAIN;
  let count = 0;
  let hashAtBefore: string | undefined;
  for (const entry of entries) {
    const broken = checkNext(head, entry, hash);
    if (broken !== undefined) return { ok: false, entries: count, broken };
    head = { seq: entry.seq, hash: entry.hash };
    if (entry.seq === recorded.seq) hashAtBefore = entry.hash;
    count += 1;
  }
  const broken = checkEnd({ walked: head, hashAtBefore, before: recorded, after: recorded });
  // The chain has no gaps up to where it broke, so the entries before it are seq - 1.
  return broken === undefined ? { ok: true, entries: count, head } : { ok: false, entries: broken.seq - 1, broken };
}
