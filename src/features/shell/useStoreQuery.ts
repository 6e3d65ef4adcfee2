import { useCallback, useEffect, useState } from 'react';

/** Where a query stands: nothing yet, its answer, or its failure. */
export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly data: T }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Loads `query()` (a read from the store, or any promise) when the component mounts and
 * whenever `query` changes (pass it through useCallback with its own dependencies);
 * `reload()` reads again. The one way screens load data: an answer that arrives after the
 * component unmounted, or after a newer query started, is dropped, so a slow read never
 * overwrites a newer one nor sets the state of a gone screen.
 */
export function useStoreQuery<T>(query: () => Promise<T>): QueryState<T> & { reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    query().then(
      (data) => live && setState({ status: 'done', data }),
      (error: unknown) => live && setState({ status: 'failed', error }),
    );
    return () => {
      // Unmounted, re-run or reloaded: whatever is in flight no longer counts.
      live = false;
    };
  }, [query, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

/** The query's answer, or `fallback` while loading or after a failure. */
export function dataOr<T>(state: QueryState<T>, fallback: T): T {
  return state.status === 'done' ? state.data : fallback;
}
