// The sector page's NACE-BEL 2025 data (titles nl/fr/en, everyday words): a chunk of its own, loaded
// when the sector page opens (not in the first load), then kept for the session.
import { useEffect, useState } from 'react';
import type { NaceSearchData } from '../domain/content-model';

let loaded: NaceSearchData | null = null;
let loading: Promise<NaceSearchData> | null = null;

/** Loads the data once; later calls get the same promise (after a failure, a new try). */
export function loadNaceSearch(): Promise<NaceSearchData> {
  loading ??= import('virtual:nace-search').then(
    (m) => (loaded = m.default as NaceSearchData),
    (e: unknown) => { loading = null; throw e; },
  );
  return loading;
}

/**
 * For pages that name the firm's activity (check answers, the letter): loads the data when `needed`
 * (a NACE-BEL 2025 code, whose title lives in this data) and renders again once it is there, so a
 * result opened from a link (the sector page never seen) shows "25.53 Verspanend bewerken van metalen",
 * not the bare code. A failed load leaves the code alone.
 */
export function useNaceTitles(needed: boolean): void {
  const [, setReady] = useState(loaded !== null);
  useEffect(() => {
    if (!needed || loaded) return;
    let live = true;
    loadNaceSearch().then(() => { if (live) setReady(true); }, () => undefined);
    return () => { live = false; };
  }, [needed]);
}

/** The data if it was loaded already (e.g. on the check page after the sector page), else null. */
export const loadedNaceSearch = (): NaceSearchData | null => loaded;

/** The data, or null while it loads (the page then says it is loading; a failed load is retried on the next render that needs it). */
export function useNaceSearch(): NaceSearchData | null {
  const [data, setData] = useState(loaded);
  useEffect(() => {
    if (data) return;
    let live = true;
    loadNaceSearch().then((d) => { if (live) setData(d); }, () => undefined);
    return () => { live = false; };
  }, [data]);
  return data;
}
