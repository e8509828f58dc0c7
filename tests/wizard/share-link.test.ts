// Recognising a share link in the address the app was opened with (share-link.ts): intact, or damaged
// by mail gateways and copying in the ways that can be undone without guessing.
import { describe, expect, it } from 'vitest';
import { findShareLink, isOwnerLink, isShareFragment, repairShareFragment } from '../../src/wizard/share-link';

const B64 = 'eyJ2IjoxLCJwcm9maWxlIjp7fX0'; // {"v":1,"profile":{}}
const at = (pathname: string, hash = '', search = '') => ({ pathname, search, hash });

describe('findShareLink', () => {
  it.each([
    ['an intact link', at('/', `#r=${B64}`), '/'],
    ['an intact link under a sub-path, with a query', at('/wijzer/', `#r=${B64}`, '?utm=mail'), '/wijzer/?utm=mail'],
    ['"#" percent-encoded into the path', at(`/%23r=${B64}`), '/'],
    ['"#" and "=" percent-encoded into the path', at(`/%23r%3D${B64}`), '/'],
    ['"#" encoded into a sub-path, with a query', at(`/wijzer/%23r=${B64}`, '', '?x=1'), '/wijzer/?x=1'],
    ['"=" percent-encoded in the fragment', at('/', `#r%3D${B64}`), '/'],
    ['"=" percent-encoded in lower case', at('/', `#r%3d${B64}`), '/'],
    ['a full stop at the end', at('/', `#r=${B64}.`), '/'],
    ['a closing bracket at the end', at('/', `#r=${B64})`), '/'],
    ['"#" encoded into the path and a full stop', at(`/%23r=${B64}.`), '/'],
  ])('%s: the repaired fragment and the address without it', (_, address, clean) => {
    expect(findShareLink(address)).toStrictEqual({ fragment: `#r=${B64}`, address: clean });
  });

  it.each([
    ['no fragment', at('/')],
    ['another fragment', at('/', '#main')],
    ['a query that mentions r=', at('/', '', `?r=${B64}`)],
    ['"R" in capitals', at('/', `#R=${B64}`)],
    ['"#" encoded twice', at(`/%2523r=${B64}`)],
  ])('%s: no share link', (_, address) => {
    expect(findShareLink(address)).toBeNull();
  });

  it.each([
    ['a comma at the end', `#r=${B64},`, `#r=${B64},`],
    ['a full stop inside', `#r=${B64.slice(0, 9)}.${B64.slice(9)}`, `#r=${B64.slice(0, 9)}.${B64.slice(9)}`],
    ['an encoded space', `#r=%20${B64}`, `#r=%20${B64}`],
  ])('%s: recognised as a share link but left as it is (the reader then says it is damaged)', (_, hash, fragment) => {
    expect(findShareLink(at('/', hash))).toStrictEqual({ fragment, address: '/' });
  });
});

describe('isShareFragment and repairShareFragment', () => {
  it('recognise "#r=" and "#r%3D" only', () => {
    expect([`#r=${B64}`, `#r%3D${B64}`, `#r%3d${B64}`, '#r=', `#R=${B64}`, `#r${B64}`, `r=${B64}`, '#rr=', ''].map(isShareFragment))
      .toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('repair only what can be undone without guessing', () => {
    expect(repairShareFragment(`#r%3D${B64}).`)).toBe(`#r=${B64}`);
    expect(repairShareFragment(`#r=${B64}`)).toBe(`#r=${B64}`);
    expect(repairShareFragment('#main.')).toBe('#main.');
    expect(repairShareFragment(`#r=${B64}!`)).toBe(`#r=${B64}!`);
  });
});

describe('isOwnerLink (what the app shell loads for a link)', () => {
  const link = (payload: unknown) => ({ fragment: `#r=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`, address: '/' });
  it('owner when the link names no mode or "owner"; not for client or intake; a link it cannot read counts as the owner\'s', () => {
    expect(isOwnerLink(link({ v: 1, profile: {} }))).toBe(true);
    expect(isOwnerLink(link({ v: 1, mode: 'owner', profile: {} }))).toBe(true);
    expect(isOwnerLink(link({ v: 1, mode: 'client', profile: { nace: 'ë' } }))).toBe(false);
    expect(isOwnerLink(link({ v: 1, mode: 'intake', profile: {} }))).toBe(false);
    expect(isOwnerLink({ fragment: '#r=@@@', address: '/' })).toBe(true);
    expect(isOwnerLink(link(null))).toBe(true);
  });
});
