// The result table drawn a slice at a time: 200 rows with their channel lists at once held the main
// thread for 0.4-1 s on a busy machine (measured with src/cli/bench-batch-page.ts), so the first
// REVEAL_STEP rows come at once and the rest a slice per task, the page answering in between.
import { useEffect, useState } from 'react';

/** Rows drawn per task. */
export const REVEAL_STEP = 25;

/**
 * How many of `total` rows to draw now: REVEAL_STEP at first, REVEAL_STEP more after each task
 * until all are drawn; from the start again when `list` (the rows shown) is another one.
 */
export function useRevealed(total: number, list: unknown): number {
  const [state, setState] = useState({ list, count: REVEAL_STEP });
  // Another list: start again (set during render, React's pattern for state derived from props).
  if (state.list !== list) setState({ list, count: REVEAL_STEP });
  const count = state.list === list ? state.count : REVEAL_STEP;
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setState((s) => (s.list === list ? { list, count: s.count + REVEAL_STEP } : s)), 0);
    return () => clearTimeout(timer);
  }, [count, total, list]);
  return Math.min(count, total);
}
