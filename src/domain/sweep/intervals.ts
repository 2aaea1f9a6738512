/**
 * A small reusable list of day intervals `[from, through]` with a tag, for the per-person
 * work of the timeline: a few intervals per person, sorted by insertion sort (fastest at
 * this size), reused across millions of people without allocating.
 */
export class TaggedIntervals {
  n = 0;
  from: Int32Array;
  through: Int32Array;
  tag: Int32Array;

  constructor(capacity = 64) {
    this.from = new Int32Array(capacity);
    this.through = new Int32Array(capacity);
    this.tag = new Int32Array(capacity);
  }

  /** Adds `[from, through] ∩ [first, last]` unless that is empty. */
  push(tag: number, from: number, through: number, first: number, last: number): void {
    const a = from > first ? from : first;
    const b = through < last ? through : last;
    if (a > b) return;
    if (this.n === this.from.length) this.grow();
    const k = this.n++;
    this.from[k] = a;
    this.through[k] = b;
    this.tag[k] = tag;
  }

  /** Sorts by first day. */
  sortByFrom(): void {
    const { from, through, tag } = this;
    for (let i = 1; i < this.n; i++) {
      const f = from[i]!;
      const t = through[i]!;
      const g = tag[i]!;
      let j = i - 1;
      while (j >= 0 && from[j]! > f) {
        from[j + 1] = from[j]!;
        through[j + 1] = through[j]!;
        tag[j + 1] = tag[j]!;
        j--;
      }
      from[j + 1] = f;
      through[j + 1] = t;
      tag[j + 1] = g;
    }
  }

  private grow(): void {
    const size = this.from.length * 2;
    const copy = (a: Int32Array): Int32Array => {
      const next = new Int32Array(size);
      next.set(a);
      return next;
    };
    this.from = copy(this.from);
    this.through = copy(this.through);
    this.tag = copy(this.tag);
  }
}
