/**
 * The server's log lines are written once per turn of the event loop: in order, none lost,
 * and whatever is held when the process exits is written then.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { batchedLines } from '../../src/main/log-lines.js';

describe('batched log lines', () => {
  it('writes the lines of one turn together, in order, at the end of the turn', async () => {
    const writes: string[] = [];
    const lines = batchedLines({ write: (text) => writes.push(text) }, () => undefined);
    lines.write('a\n');
    lines.write('b\n');
    lines.write('c\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n']);
    lines.write('d\n');
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n', 'd\n']);
    await nextTurn();
    expect(writes).toHaveLength(2);
  });

  it('writes what it holds when the process exits, and writes nothing twice', async () => {
    const writes: string[] = [];
    let atExit: (() => void) | undefined;
    const lines = batchedLines({ write: (text) => writes.push(text) }, (flush) => (atExit = flush));
    lines.write('last words\n');
    atExit!();
    expect(writes).toEqual(['last words\n']);
    await nextTurn();
    atExit!();
    expect(writes).toEqual(['last words\n']);
  });
});
