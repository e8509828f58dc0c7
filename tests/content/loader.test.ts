// loadContent() on a broken copy of content/: it must fail with a ContentError whose message names
// the file, the path inside it and the reason, so an editor can find and fix the problem.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CONTENT_DIR, ContentError, loadContent, type ContentProblem } from '../../src/content/load';

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of content/ in a temporary directory, changed by `edit`. */
function copyContent(edit: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'iw-content-'));
  copies.push(dir);
  cpSync(CONTENT_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}

/** Parses a YAML file of the copy, lets `change` edit the data, writes it back. */
function editYaml<T>(dir: string, file: string, change: (data: T) => void) {
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8')) as T;
  change(data);
  writeFileSync(path, stringify(data));
}

function loadError(dir: string): ContentError {
  try {
    loadContent(dir);
  } catch (e) {
    if (e instanceof ContentError) return e;
    throw e;
  }
  throw new Error('expected loadContent to fail with a ContentError');
}

/**
 * The error has a problem for each expectation, each also spelled out as "file: path: reason" in the
 * message. `exact`: and nothing else (see the cascade note below for why channel files are not exact).
 */
function expectProblems(e: ContentError, expected: Array<{ file: string; path: string; reason: RegExp }>, exact = true) {
  expect(e.name).toBe('ContentError');
  if (exact) expect(e.problems).toHaveLength(expected.length);
  for (const x of expected) {
    const p = e.problems.find((q: ContentProblem) => q.file.replaceAll('\\', '/').endsWith(x.file) && q.path === x.path);
    expect(p, `a problem in ${x.file} at ${x.path || '(top)'}; got ${e.message}`).toBeDefined();
    expect(p!.reason).toMatch(x.reason);
    expect(e.message.split('\n')).toContain(`${p!.file}: ${p!.path || '(top)'}: ${p!.reason}`);
  }
}

type Rule = { id: string; channel: string; reason: string };
type Channel = { id: string; name: Record<string, string>; facts: Array<Record<string, unknown>> };

describe('loadContent on a copy of content/', () => {
  it('an intact copy loads (so every failure below comes from the one thing broken)', () => {
    const { content } = loadContent(copyContent());
    expect(content.rules.length).toBeGreaterThan(0);
    expect(Object.keys(content.channels)).toContain('kmo-portefeuille');
  });

  it('bad YAML syntax: names the file and says it is not valid YAML', () => {
    const dir = copyContent((d) => {
      const file = join(d, 'rules.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n- id: broken\n  when: { needs: [training }\n`);
    });
    expectProblems(loadError(dir), [{ file: 'rules.yaml', path: '', reason: /not valid YAML/ }]);
  });

  it('a rule with an unknown channel: names rules.yaml, the rule index and the channel', () => {
    const dir = copyContent((d) => editYaml<Rule[]>(d, 'rules.yaml', (rules) => { rules[0]!.channel = 'no-such-channel'; }));
    expectProblems(loadError(dir), [{ file: 'rules.yaml', path: '0.channel', reason: /unknown channel "no-such-channel"/ }]);
  });

  it('a fact without a source: names the channel file and the fact path', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => { delete ch.facts[0]!.source; }));
    expectProblems(loadError(dir), [{ file: 'channels/led.yaml', path: 'facts.0.source', reason: /expected string/ }], false);
  });

  it('a fact with a source that is not a URL is refused too', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => { ch.facts[1]!.source = 'vlaio.be'; }));
    expectProblems(loadError(dir), [{ file: 'channels/led.yaml', path: 'facts.1.source', reason: /URL/ }], false);
  });

  it('a reason key missing from reasons.yaml: names every rule that uses it', () => {
    let key = '';
    let users: number[] = [];
    const dir = copyContent((d) => {
      const rules = parse(readFileSync(join(d, 'rules.yaml'), 'utf8')) as Rule[];
      key = rules[0]!.reason;
      users = rules.flatMap((r, i) => (r.reason === key ? [i] : []));
      editYaml<Record<string, unknown>>(d, 'reasons.yaml', (reasons) => { delete reasons[key]; });
    });
    expect(users.length).toBeGreaterThan(0);
    expectProblems(loadError(dir), users.map((i) => ({ file: 'rules.yaml', path: `${i}.reason`, reason: new RegExp(`no text for reason "${key}"`) })));
  });

  it('a text without its French translation: names the file and the path down to "fr"', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/kmo-portefeuille.yaml', (ch) => { delete ch.name.fr; }));
    expectProblems(loadError(dir), [{ file: 'channels/kmo-portefeuille.yaml', path: 'name.fr', reason: /expected string/ }], false);
  });

  it('a reason without its French translation: names reasons.yaml and the key', () => {
    let key = '';
    const dir = copyContent((d) => editYaml<Record<string, Record<string, string>>>(d, 'reasons.yaml', (reasons) => {
      key = Object.keys(reasons)[0]!;
      delete reasons[key]!.fr;
    }));
    expectProblems(loadError(dir), [{ file: 'reasons.yaml', path: `${key}.fr`, reason: /expected string/ }]);
  });

  it('an empty French text is as bad as a missing one', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => { ch.name.fr = '   '; }));
    expectProblems(loadError(dir), [{ file: 'channels/led.yaml', path: 'name.fr', reason: /must not be empty/ }], false);
  });

  it('HTML in a text is refused, wherever it is', () => {
    let key = '';
    const dir = copyContent((d) => {
      editYaml<Channel>(d, 'channels/led.yaml', (ch) => { ch.name.en = 'Blikopener <b>now</b>'; });
      editYaml<Record<string, Record<string, string>>>(d, 'reasons.yaml', (reasons) => {
        key = Object.keys(reasons)[0]!;
        reasons[key]!.nl = '<a href="https://example.org">klik</a>';
      });
    });
    expectProblems(loadError(dir), [
      { file: 'channels/led.yaml', path: 'name.en', reason: /no HTML/ },
      { file: 'reasons.yaml', path: `${key}.nl`, reason: /no HTML/ },
    ], false);
  });

  it('markup in a text shown as typed (a channel summary) is refused; in a reason it is fine', () => {
    let key = '';
    const dir = copyContent((d) => {
      editYaml<Channel & { summary: Record<string, string> }>(d, 'channels/led.yaml', (ch) => { ch.summary.nl = 'Zie [de site](https://www.vlaio.be) voor *alles*.'; });
      editYaml<Record<string, Record<string, string>>>(d, 'reasons.yaml', (reasons) => {
        key = Object.keys(reasons)[0]!;
        reasons[key]!.nl = 'Lees *eerst* [de voorwaarden](https://www.vlaio.be).';
      });
    });
    const e = loadError(dir);
    expectProblems(e, [{ file: 'channels/led.yaml', path: 'summary.nl', reason: /shown as typed here.*only in reasons/ }], false);
    expect(e.problems.filter((p) => p.file.endsWith('reasons.yaml'))).toEqual([]);
  });

  it('several broken files: every problem is reported, not only the first', () => {
    const dir = copyContent((d) => {
      editYaml<Rule[]>(d, 'rules.yaml', (rules) => { rules[1]!.channel = 'nowhere'; });
      editYaml<Channel>(d, 'channels/led.yaml', (ch) => { delete ch.facts[0]!.source; });
    });
    const e = loadError(dir);
    expectProblems(e, [
      { file: 'channels/led.yaml', path: 'facts.0.source', reason: /expected string/ },
      { file: 'rules.yaml', path: '1.channel', reason: /unknown channel "nowhere"/ },
    ], false);
  });

  it('the problem in the broken file is reported first', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => { delete ch.facts[0]!.source; }));
    const first = loadError(dir).problems[0]!;
    expect(first.file.replaceAll('\\', '/').endsWith('channels/led.yaml')).toBe(true);
    expect(first.path).toBe('facts.0.source');
  });

  // A channel file that fails its schema still counts as present, so one mistake gives one message
  // (not "unknown channel" for every rule, "unknown fact" for every quote, ...).
  it('one broken channel file gives one problem, not a cascade', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => { delete ch.facts[0]!.source; }));
    expectProblems(loadError(dir), [{ file: 'channels/led.yaml', path: 'facts.0.source', reason: /expected string/ }]);
  });
});

// Facts are quoted on the result, in the cost-and-time line and in the referral letter an accountant
// (client mode) or an advisor (intake mode) hands over: they speak about the firm, never to it.
describe('a fact written to the reader ("u", "you", "vous") is refused', () => {
  type Fact = { id: string; text: Record<'nl' | 'en' | 'fr', string> };
  const factsOf = (ch: Channel) => ch.facts as unknown as Fact[];

  it('in every language, in its text and its `short`: names the file, the fact path, the fact id, the language and the word, and says what to write', () => {
    const ids: string[] = [];
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/kmo-portefeuille.yaml', (ch) => {
      const [a, b, c, e] = factsOf(ch);
      a!.text.nl = `${a!.text.nl} Daarna betaalt u de dienstverlener.`;
      b!.text.en = `Your own share: ${b!.text.en}`;
      c!.text.fr = `${c!.text.fr} Ensuite, vous payez le prestataire avec votre part.`;
      e!.text.nl = `${e!.text.nl} Vóór jij begint, kies je een dienstverlener.`;
      (e as Fact & { short?: Record<string, string> }).short = { nl: 'uw deel', en: 'the share', fr: 'la part' };
      ids.push(a!.id, b!.id, c!.id, e!.id);
    }));
    const advice = /write it about the firm: 'een bedrijf', 'the firm', 'l'entreprise'/;
    expectProblems(loadError(dir), [
      { file: 'channels/kmo-portefeuille.yaml', path: 'facts.0.text.nl', reason: new RegExp(`fact "${ids[0]}" \\(nl\\) speaks to the reader \\("u"\\)`) },
      { file: 'channels/kmo-portefeuille.yaml', path: 'facts.1.text.en', reason: new RegExp(`fact "${ids[1]}" \\(en\\) speaks to the reader \\("your"\\)`) },
      { file: 'channels/kmo-portefeuille.yaml', path: 'facts.2.text.fr', reason: new RegExp(`fact "${ids[2]}" \\(fr\\) speaks to the reader \\("vous", "votre"\\)`) },
      { file: 'channels/kmo-portefeuille.yaml', path: 'facts.3.text.nl', reason: new RegExp(`fact "${ids[3]}" \\(nl\\) speaks to the reader \\("jij", "je"\\)`) },
      { file: 'channels/kmo-portefeuille.yaml', path: 'facts.3.short.nl', reason: new RegExp(`fact "${ids[3]}" \`short\` \\(nl\\) speaks to the reader \\("uw"\\)`) },
    ]);
    for (const p of loadError(dir).problems) expect(p.reason).toMatch(advice);
  });

  it('every word of each language is caught, in any case, next to accented letters and punctuation', () => {
    const cases: Array<['nl' | 'en' | 'fr', string, string]> = [
      ['nl', 'U betaalt het eigen deel.', 'u'], ['nl', 'Het bedrag komt op uw rekening.', 'uw'], ['nl', 'Wat jij betaalt, (jouw) deel.', 'jij", "jouw'],
      ['nl', 'Vóór je begint: kies.', 'je'], ['en', 'The share is yours.', 'yours'], ['en', "YOU'LL pay first.", 'you'],
      ['fr', 'Vos frais, d\'où vous partez.', 'vos", "vous'],
    ];
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => {
      cases.forEach(([lang, text], i) => { factsOf(ch)[i]!.text[lang] = text; });
    }));
    expectProblems(loadError(dir), cases.map(([lang, , words], i) => ({ file: 'channels/led.yaml', path: `facts.${i}.text.${lang}`, reason: new RegExp(`\\(${lang}\\) speaks to the reader \\("${words}"\\)`) })));
  });

  // JS \b knows ASCII letters only: it would read the "u" of "reçu" (Belgian Dutch for a receipt) as a word.
  it('words that only contain the letters (also after an accented letter), hours written "9 u", and web and e-mail addresses pass', () => {
    const dir = copyContent((d) => editYaml<Channel>(d, 'channels/led.yaml', (ch) => {
      const f = factsOf(ch);
      f[0]!.text.nl = 'Open van 9 u tot 17u; de bouw van jeugdhuizen duurt; zie https://www.vlaanderen.be/kunt-u-steun-krijgen of info@u.be.';
      f[1]!.text.en = 'Youth projects of young firms (see https://example.org/you).';
      f[2]!.text.fr = 'Les Vosges, un nouveau vote, des voûtes; l\'entreprise a reçu le résultat.';
      f[3]!.text.nl = 'Bewaar het reçu van de storting; een één-op-één gesprek over continuïteit, menu’s en reünies.';
    }));
    expect(() => loadContent(dir)).not.toThrow();
  });
});
