/**
 * Interning of the few distinct strings facts compare (countries, designations, facilities,
 * kinds): each becomes a small integer. Interning works on raw UTF-8 bytes as well as on
 * strings, so that a loader streaming millions of stored records makes no string per fact.
 */
import { compareBytes } from './id-table.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

export class CodeTable {
  private readonly strings: string[] = [];
  private readonly encoded: Uint8Array[] = [];
  /** Open addressing: slot -> code + 1 (0 = empty). */
  private slots = new Int32Array(256);

  /** A table that starts with these codes, at the same indices. */
  static of(codes: readonly string[]): CodeTable {
    const table = new CodeTable();
    for (const code of codes) table.intern(code);
    return table;
  }

  get size(): number {
    return this.strings.length;
  }

  get codes(): readonly string[] {
    return this.strings;
  }

  intern(code: string): number {
    const bytes = encoder.encode(code);
    return this.internBytes(bytes, 0, bytes.length);
  }

  /** The code of the UTF-8 string in `bytes[start..end)`, added if new. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    const mask = this.slots.length - 1;
    let slot = hashBytes(bytes, start, end) & mask;
    for (;;) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      const known = this.encoded[entry - 1]!;
      if (compareBytes(known, 0, known.length, bytes, start, end) === 0) return entry - 1;
      slot = (slot + 1) & mask;
    }
    const code = this.strings.length;
    const copy = bytes.slice(start, end);
    this.encoded.push(copy);
    this.strings.push(decoder.decode(copy));
    this.slots[slot] = code + 1;
    if (this.strings.length * 2 > this.slots.length) this.grow();
    return code;
  }

  /**
   * The codes in sorted order and, for each current code, its index in that order: sorted
   * codes make two loads of the same facts identical whatever order they met the strings in.
   */
  sorted(): { codes: string[]; remap: Int32Array } {
    const order = this.strings.map((s, i) => ({ s, i })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : 0));
    const remap = new Int32Array(this.strings.length);
    order.forEach(({ i }, rank) => (remap[i] = rank));
    return { codes: order.map(({ s }) => s), remap };
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.encoded.forEach((bytes, code) => {
      let slot = hashBytes(bytes, 0, bytes.length) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = code + 1;
    });
    this.slots = slots;
  }
}
