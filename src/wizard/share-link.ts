// How a share link is recognised, apart from the code that reads it (zod, the profile check): the
// app shell uses it on first load to open the wizard at once.
export const SHARE_PREFIX = '#r=';

export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}
