// Opening a desk entry in the wizard: the desk page puts the entry's answers (as saved progress, see
// serialiseSaved) in this tab's sessionStorage and loads the app; the app shell takes them once (so a
// reload or another tab does not open them again). Dependency-free: the app shell is in the first load.
// The desk also notes which entry is open, so "save to desk" on its result updates it instead of adding a copy.
const OPEN_KEY = 'innovatiewijzer.desk.open';
const CURRENT_KEY = 'innovatiewijzer.desk.current';

/** The saved-progress text the desk left for the wizard to open, taken (removed); null when there is none. */
export function takeDeskHandoff(): string | null {
  try {
    const text = sessionStorage.getItem(OPEN_KEY);
    sessionStorage.removeItem(OPEN_KEY);
    return text;
  } catch {
    return null;
  }
}

/** Whether the desk left an entry to open (the boot then renders afresh instead of taking over the prerendered start page). */
export function deskHandoffPending(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) !== null;
  } catch {
    return false;
  }
}

/** Leaves the text for the wizard, and notes the entry that is open (null: a new intake). False when the browser refused. */
export function leaveDeskHandoff(saved: string, entry: { id: string; name: string } | null): boolean {
  try {
    sessionStorage.setItem(OPEN_KEY, saved);
    if (entry) sessionStorage.setItem(CURRENT_KEY, JSON.stringify(entry));
    else sessionStorage.removeItem(CURRENT_KEY);
    return true;
  } catch {
    return false;
  }
}

/** The desk entry opened in this tab (its id and name when opened), or null. */
export function currentDeskEntry(): { id: string; name: string } | null {
  try {
    const raw = JSON.parse(sessionStorage.getItem(CURRENT_KEY) ?? 'null') as { id?: unknown; name?: unknown } | null;
    return raw && typeof raw.id === 'string' && typeof raw.name === 'string' ? { id: raw.id, name: raw.name } : null;
  } catch {
    return null;
  }
}

/** Notes the entry just saved from the result page as the one open in this tab. */
export function setCurrentDeskEntry(entry: { id: string; name: string }): void {
  try {
    sessionStorage.setItem(CURRENT_KEY, JSON.stringify(entry));
  } catch {
    // Without sessionStorage a second save adds a second entry; the desk shows both.
  }
}
