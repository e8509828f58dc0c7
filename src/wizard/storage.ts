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
