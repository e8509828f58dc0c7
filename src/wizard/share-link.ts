// How a share link is recognised, apart from the code that reads it (zod, the profile check): the
// app shell uses it on first load to open the wizard at once. Dependency-free on purpose (it is in the
// start page's first load).
//
// The format (README, "Share and prefilled links"): "#r=" + base64url(UTF-8 JSON). Base64url never
// holds ".", ")", "%" or "=", so the damage mail gateways and copying do to such a link can be undone
// without guessing:
//   - "#" percent-encoded into the path:   /%23r=eyJ2...   (also /%23r%3Deyj2...)
//   - "=" percent-encoded in the fragment: #r%3Deyj2...
//   - punctuation stuck to the end:        #r=eyJ2....  or  (#r=eyJ2...)
// Anything else is left as it is, and the reader calls it damaged.
export const SHARE_PREFIX = '#r=';

/** A fragment that is, or after repair would be, a share link. */
const FRAGMENT = /^#r(?:=|%3[dD])/;
/** The share link's start when its "#" was percent-encoded into the path. */
const IN_PATH = /%23r(?:=|%3[dD])/;
/** Sentence punctuation stuck to the end of a link (base64url has neither character). */
const TRAILING = /[.)]+$/;

export function isShareFragment(hash: string): boolean {
  return FRAGMENT.test(hash);
}

/** The fragment as the app writes it ("#r=..."): an encoded "=" decoded, punctuation at the end dropped. */
export function repairShareFragment(hash: string): string {
  const m = FRAGMENT.exec(hash);
  return m ? SHARE_PREFIX + hash.slice(m[0].length).replace(TRAILING, '') : hash;
}

/** The parts of `location` a share link can be in. */
export interface Address {
  pathname: string;
  search: string;
  hash: string;
}

export interface ShareLink {
  /** The share fragment, repaired: "#r=" and the base64url (which may still be damaged otherwise). */
  fragment: string;
  /** The address without the share link (path and query), for the address bar once the link is read. */
  address: string;
}

/** The share link in an address, in the fragment or (its "#" percent-encoded) at the end of the path; null when there is none. */
export function findShareLink(at: Address): ShareLink | null {
  if (isShareFragment(at.hash)) return { fragment: repairShareFragment(at.hash), address: at.pathname + at.search };
  const m = IN_PATH.exec(at.pathname);
  if (!m) return null;
  return {
    fragment: repairShareFragment(SHARE_PREFIX + at.pathname.slice(m.index + m[0].length)),
    address: at.pathname.slice(0, m.index) + at.search,
  };
}

/** The UTF-8 text a base64url string (without padding) encodes; null when it is not base64url or not UTF-8. */
export function base64UrlDecode(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/**
 * Whether a share link asks for owner mode (its "mode" absent or "owner"), read without checking the
 * rest: the app shell uses it to load no more than an owner's result needs (src/ui/App.tsx). A link it
 * cannot read counts as the owner's; the wizard's own reading (persistence.ts) decides what it holds.
 */
export function isOwnerLink(link: ShareLink): boolean {
  try {
    const json = base64UrlDecode(link.fragment.slice(SHARE_PREFIX.length));
    const mode: unknown = json === null ? undefined : (JSON.parse(json) as { mode?: unknown } | null)?.mode;
    return mode === undefined || mode === 'owner';
  } catch {
    return true;
  }
}
