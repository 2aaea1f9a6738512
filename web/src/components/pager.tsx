/**
 * Previous / next for lists the server pages by cursor (`after` → `next`): the cursors of
 * the pages seen so far are kept, so that going back needs no cursor from the server.
 */
import { Button, ButtonGroup } from '@trussworks/react-uswds';
import { useState } from 'react';

export interface Cursor<C> {
  /** The cursor of the page shown (`undefined` for the first). */
  readonly after: C | undefined;
  readonly page: number;
  readonly next: (cursor: C) => void;
  readonly previous: () => void;
  readonly reset: () => void;
}

export function useCursor<C>(): Cursor<C> {
  const [stack, setStack] = useState<C[]>([]);
  return {
    after: stack.at(-1),
    page: stack.length + 1,
    next: (cursor) => {
      setStack((s) => [...s, cursor]);
    },
    previous: () => {
      setStack((s) => s.slice(0, -1));
    },
    reset: () => {
      setStack([]);
    },
  };
}

interface PagerProps<C> {
  readonly cursor: Cursor<C>;
  /** The server's `next`; null on the last page. */
  readonly next: C | null | undefined;
  readonly label: string;
}

export function Pager<C>({ cursor, next, label }: PagerProps<C>) {
  return (
    <nav aria-label={label} className="pager">
      <ButtonGroup type="default">
        <Button type="button" outline disabled={cursor.page === 1} onClick={cursor.previous}>
          Previous page
        </Button>
        <Button
          type="button"
          outline
          disabled={next === null || next === undefined}
          onClick={() => {
            if (next !== null && next !== undefined) cursor.next(next);
          }}
        >
          Next page
        </Button>
      </ButtonGroup>
      <span className="pager__page" aria-live="polite">
        Page {cursor.page}
      </span>
    </nav>
  );
}
