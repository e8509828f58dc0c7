// localStorage that never throws (private browsing, quota, disabled storage). Kept tiny: the start page uses it.
export const SAVE_KEY = 'innovatiewijzer.progress';

export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Returns false when the browser refused (storage disabled or full). */
export function writeStorage(key: string, value: string | null): boolean {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** When saved progress was saved (its ISO `savedAt`), read without the full format check (which the start page does not load). */
export function savedAtOf(raw: string | null): string | undefined {
  try {
    const savedAt = raw === null ? undefined : (JSON.parse(raw) as { savedAt?: unknown }).savedAt;
    return typeof savedAt === 'string' && savedAt.length <= 40 ? savedAt : undefined;
  } catch {
    return undefined;
  }
}
