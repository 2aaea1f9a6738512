/**
 * A fact's stored body (`factBody`: its JSON without `retractedAt`) written straight into a
 * batch's bytes as UTF-8.
 *
 * Why not `factBody` and `pushString`: the body made as a string is a chain of concatenated
 * pieces, which V8 flattens and then encodes as UTF-8; on the import's reading thread that
 * `Buffer.write` alone took 11% of the time (profile of 1,200,000 facts). Here each key and
 * value is written in place (the thread's CPU per fact about 8% lower), and the bytes are
 * exactly those of `Buffer.from(factBody(fact))` (json-body.test.ts compares them on many
 * facts, odd strings included): ASCII strings JSON leaves as they are and safe integers are
 * written here, anything else is given to `JSON.stringify` itself.
 */
import type { Fact } from '../domain/facts.js';
import { factBody } from '../store/fact-codec.js';
import type { ValueWriter } from './batch.js';

/** The key a stored body leaves out: a retraction is a row of its own (fact-codec.ts). */
const LEFT_OUT = 'retractedAt';

/** Appends the fact's body to `out` as one string value. */
export function pushFactBody(out: ValueWriter, fact: Fact): void {
  out.openString();
  if (!writeFlat(out, fact as unknown as Readonly<Record<string, unknown>>)) {
    // A value that is an object or a list: the store's own codec writes the whole body.
    out.rewindString();
    out.appendUtf8(factBody(fact));
  }
  out.closeString();
}

/** Writes an object whose values are all strings, numbers, booleans or null; false if one is not. */
function writeFlat(out: ValueWriter, object: Readonly<Record<string, unknown>>): boolean {
  let first = true;
  // for…in rather than Object.keys: V8 then reads each value by the object's own layout
  // rather than looking the key up. A fact is a plain object, with no inherited enumerable
  // key that for…in would add to JSON.stringify's own keys.
  for (const key in object) {
    if (key === LEFT_OUT) continue;
    const value = object[key];
    // JSON.stringify leaves out keys holding undefined (and functions and symbols, never in a fact).
    if (value === undefined) continue;
    out.appendAscii(first ? '{' : ',');
    first = false;
    string(out, key);
    out.appendAscii(':');
    if (typeof value === 'string') string(out, value);
    else if (typeof value === 'number') {
      if (Number.isSafeInteger(value)) out.appendInteger(value);
      else out.appendAscii(JSON.stringify(value));
    } else if (typeof value === 'boolean') out.appendAscii(value ? 'true' : 'false');
    else if (value === null) out.appendAscii('null');
    else return false;
  }
  out.appendAscii(first ? '{}' : '}');
  return true;
}

function string(out: ValueWriter, text: string): void {
  if (!out.appendQuoted(text)) out.appendUtf8(JSON.stringify(text));
}
