// @vitest-environment jsdom
// No unescaped HTML from content or input, ever: SafeText renders the small safe subset of content
// markup (*emphasis* and [text](https://...)) as React elements and everything else as text; what
// users type (names, notes, search words) is shown as text on every page that repeats it.
import { render, screen, waitFor } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSafe, SafeText } from '../../src/ui/components/SafeText';
import { content, SME } from '../helpers';
import { heading, renderAppAt, setupUi, submit, T } from '../ui/render';
import { SCRIPTS } from './arbitraries';

setupUi();

/** Every element SafeText made, with its attributes: only <a href rel target> and <em>, nothing else. */
function expectOnlySafeElements(container: HTMLElement) {
  for (const el of container.querySelectorAll('*')) {
    expect(['A', 'EM']).toContain(el.tagName);
    const attrs = [...el.attributes].map((a) => a.name).sort();
    if (el.tagName === 'A') {
      expect(attrs).toEqual(['href', 'rel', 'target']);
      expect(el.getAttribute('href')).toMatch(/^https?:\/\/[^\s)]+$/);
      expect(el.getAttribute('rel')).toBe('noopener noreferrer');
    } else {
      expect(attrs).toEqual([]);
    }
  }
}

/** No markup ran or was made anywhere in the document. */
function expectNoInjectedMarkup() {
  expect(document.querySelector('script, iframe, object, embed, svg[onload], img[onerror], [onerror], [onload], [onclick], [onmouseover]')).toBeNull();
  for (const a of document.querySelectorAll('a[href]')) expect(a.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
}

describe('SafeText', () => {
  it('renders [text](https://...) as a link that opens safely, and *text* as emphasis', () => {
    const { container } = render(<p><SafeText text="Zie *vooral* [de VLAIO-site](https://www.vlaio.be/nl) en [dit](http://example.org/a?b=1#c)." /></p>);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['de VLAIO-site', 'https://www.vlaio.be/nl'], ['dit', 'http://example.org/a?b=1#c']]);
    for (const a of links) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a).toHaveAttribute('rel', 'noopener noreferrer');
    }
    expect(container.querySelector('em')).toHaveTextContent('vooral');
    expect(container.querySelector('p')).toHaveTextContent('Zie vooral de VLAIO-site en dit.');
    expectOnlySafeElements(container.querySelector('p')!);
  });

  it.each(SCRIPTS.map((s) => [s]))('HTML in the text stays text: %s', (script) => {
    const { container } = render(<div data-testid="box"><SafeText text={`Tekst ${script} en *nadruk ${script}* en [link ${script}](https://example.org)`} /></div>);
    const box = screen.getByTestId('box');
    expect(box.textContent).toBe(`Tekst ${script} en nadruk ${script} en link ${script}`);
    expectOnlySafeElements(box);
    expect(container.innerHTML).not.toMatch(/<(script|img|svg|textarea)/i);
    expectNoInjectedMarkup();
  });

  it.each([
    ['javascript: URL', '[klik](javascript:alert(1))'],
    ['data: URL', '[klik](data:text/html,<script>alert(1)</script>)'],
    ['relative URL', '[klik](/admin)'],
    ['protocol-relative URL', '[klik](//evil.example)'],
    ['vbscript: URL', '[klik](vbscript:msgbox(1))'],
    ['a URL with spaces', '[klik](https://a.example/ onmouseover=alert(1))'],
  ])('a link that is not http(s) stays text (%s)', (_, text) => {
    render(<div data-testid="box"><SafeText text={text} /></div>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByTestId('box').textContent).toBe(text);
  });

  it('a quote in the URL cannot break out of the attribute', () => {
    render(<div data-testid="box"><SafeText text={'[x](https://a.example/"onmouseover="alert(1))'} /></div>);
    const a = screen.getByRole('link');
    expect([...a.attributes].map((x) => x.name).sort()).toEqual(['href', 'rel', 'target']);
    expect(a.getAttribute('href')).toBe('https://a.example/"onmouseover="alert(1');
  });

  it('for any text: only <a>/<em> are made, every link is http(s), and text without markup comes out unchanged', () => {
    const markupArb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom(...SCRIPTS),
      fc.tuple(fc.string({ maxLength: 8 }), fc.webUrl(), fc.constantFrom('*', '[', ']', '(', ')', '<b>')).map(([label, url, x]) => `[${label}](${url})${x}*${label}*`),
    );
    fc.assert(
      fc.property(fc.array(markupArb, { maxLength: 4 }).map((parts) => parts.join(' ')), (text) => {
        const { container, unmount } = render(<div><SafeText text={text} /></div>);
        const box = container.firstElementChild as HTMLElement;
        expectOnlySafeElements(box);
        if (!/[*[]/.test(text)) expect(box.textContent).toBe(text);
        expect(renderSafe(text).length).toBeLessThanOrEqual(text.length + 1);
        unmount();
      }),
      { numRuns: 300 },
    );
  });

  it('every string in content/ renders with only safe elements, and none holds an HTML tag today', () => {
    const texts: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') texts.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(content());
    expect(texts.length).toBeGreaterThan(500);
    // content/README.md: "No HTML" (the content schema refuses it); this checks the files as they are.
    expect(texts.filter((t) => /<\/?[a-z!][^>]*>/i.test(t))).toEqual([]);
    const { container } = render(<div>{texts.map((t, i) => <p key={i}><SafeText text={t} /></p>)}</div>);
    for (const p of container.querySelectorAll('p')) expectOnlySafeElements(p);
    expect(container.querySelectorAll('p')).toHaveLength(texts.length);
  });
});

describe('what users type is shown as text, never as markup', () => {
  it('names and notes with markup on the result page (intake mode): shown as typed, nothing injected', async () => {
    const script = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await renderAppAt('result', { ...SME, triggers: [], triggersAnswered: true, mode: 'intake', clientName: `Klant ${script}`, adviserName: `Adviseur ${script}`, notes: `Nota ${script}` });
    expect(heading()).toHaveTextContent(T.resultTitle.intake);
    // At intake the names are fields of their own (the letter is the accountant's): kept as typed.
    expect((screen.getByRole('textbox', { name: T.letter.clientName }) as HTMLInputElement).value).toBe(`Klant ${script}`);
    expect((screen.getByRole('textbox', { name: T.letter.adviserName }) as HTMLInputElement).value).toBe(`Adviseur ${script}`);
    expect((screen.getByRole('textbox', { name: T.advisor.notes }) as HTMLTextAreaElement).value).toBe(`Nota ${script}`);
    expectNoInjectedMarkup();
  });

  it('markup typed in the staff field stays text: the error names the field', async () => {
    const { user } = await renderAppAt('staff', { region: 'flanders', province: 'limburg' });
    await user.type(screen.getByRole('textbox', { name: T.staff.title }), '<b onmouseover=alert(1)>12</b>');
    await submit(user);
    expect(heading()).toHaveTextContent(T.staff.title);
    expect(screen.getAllByText(T.staff.notANumber).length).toBeGreaterThan(0);
    expect(screen.getByRole('textbox', { name: T.staff.title })).toHaveValue('<b onmouseover=alert(1)>12</b>');
    expectNoInjectedMarkup();
  });

  it('markup typed in the sector search stays text', async () => {
    const { user } = await renderAppAt('sector', { region: 'flanders', province: 'limburg', staff: 3, turnoverEur: null, balanceSheetEur: null, ownedByLargeGroup: false });
    expect(heading()).toHaveTextContent(T.sector.title);
    await user.type(screen.getByRole('searchbox'), '<img src=x onerror=alert(1)>');
    // The NACE list loads on its own; the words then may find something ("alert" inside "metaalertsen"): shown as text.
    await waitFor(() => expect(screen.queryByText(T.sector.loading)).toBeNull(), { timeout: 20_000 });
    expect(screen.getByRole('searchbox')).toHaveValue('<img src=x onerror=alert(1)>');
    expectNoInjectedMarkup();
  });
});
