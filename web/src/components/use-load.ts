/**
 * Loads data for a page and reloads it when its inputs change; a response that arrives
 * after newer inputs were asked for is dropped, so a quick slider never shows stale answers.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { problemText } from '../api/client';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** `load` returns openapi-fetch's `{ data, error }`; `keys` are what the answer depends on. */
export function useLoad<T>(
  load: () => Promise<{ data?: T | undefined; error?: unknown }>,
  keys: readonly unknown[],
): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef
      .current()
      .then((result) => {
        if (ticket !== latest.current) return;
        if (result.data === undefined) {
          setError(problemText(result.error));
        } else {
          setData(result.data);
          setError(undefined);
        }
      })
      .catch((failure: unknown) => {
        if (ticket === latest.current) setError(problemText(failure));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
    // The keys are the inputs: `load` is a fresh closure on every render.
  }, [...keys, round]);

  const reload = useCallback(() => {
    setRound((r) => r + 1);
  }, []);
  return { data, error, loading, reload };
}
