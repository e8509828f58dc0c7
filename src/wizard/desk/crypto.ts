// The desk's optional passphrase (for a PC shared in an office): each record is sealed with AES-GCM
// (256-bit key) derived from the passphrase with PBKDF2-HMAC-SHA-256, both through the browser's own
// Web Crypto API. The passphrase itself is never stored; a small sealed check text tells a right
// passphrase from a wrong one before anything is read or written.
import { z } from '../../domain/zod';

/**
 * PBKDF2 iterations: 600,000 for PBKDF2-HMAC-SHA256, the figure of the OWASP Password Storage Cheat
 * Sheet (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html). The
 * lock stores the count it was made with, so a later change reads older desks.
 */
export const PBKDF2_ITERATIONS = 600_000;
/** What the check text seals: a right passphrase opens it to exactly this. */
const CHECK_TEXT = 'innovatiewijzer-desk';

/** A sealed text: the 12-byte AES-GCM nonce and the ciphertext (with its tag), both base64. */
export const SealedSchema = z.strictObject({ iv: z.string().check(z.maxLength(32)), data: z.string() });
export type Sealed = z.infer<typeof SealedSchema>;

/** What the store keeps of a passphrase: the salt, the iteration count and the sealed check text. */
export const LockSchema = z.strictObject({ salt: z.string().check(z.maxLength(64)), iterations: z.int().check(z.minimum(1)), check: SealedSchema });
export type Lock = z.infer<typeof LockSchema>;

const toBase64 = (bytes: Uint8Array) => {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
};
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The AES-GCM key of a passphrase with this salt and iteration count. */
export async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A text sealed with the key (a fresh random nonce each time). */
export async function seal(key: CryptoKey, text: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** The text of a sealed one; throws when the key is not the one it was sealed with (or the data was changed). */
export async function unseal(key: CryptoKey, sealed: Sealed): Promise<string> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) as BufferSource }, key, fromBase64(sealed.data) as BufferSource);
  return new TextDecoder().decode(plain);
}

/** A new lock for a passphrase, and its key. */
export async function createLock(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ lock: Lock; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  return { lock: { salt: toBase64(salt), iterations, check: await seal(key, CHECK_TEXT) }, key };
}

/** The key of a lock when the passphrase is right; null when it is wrong (nothing is changed either way). */
export async function openLock(passphrase: string, lock: Lock): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(lock.salt), lock.iterations);
  try {
    return (await unseal(key, lock.check)) === CHECK_TEXT ? key : null;
  } catch {
    return null;
  }
}
