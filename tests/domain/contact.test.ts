// The contact of each recommendation (Recommendation.contact): whom the firm calls or mails first, the
// point nearest the firm that content gives, and never a value that content does not source.
import { describe, expect, it } from 'vitest';
import type { Content } from '../../src/domain/content-model';
import { profileSpace } from '../../src/domain/profile-space';
import { createEngine, refer } from '../../src/domain/refer';
import { LANGS, type Profile } from '../../src/domain/types';
import { content, METAL_WORKSHOP_PROFILE as metalWorkshop } from '../helpers';

const C = content();
const needs = C.needs.map((n) => n.id);
const triggers = C.triggers.map((t) => t.id);

/** Every phone, e-mail and address that content gives with a source (channels, their offices, colleges). */
function sourcedValues(c: Content): Set<string> {
  const values = new Set<string>();
  const add = (v: { value: string | number } | undefined) => v !== undefined && values.add(String(v.value));
  for (const ch of Object.values(c.channels)) {
    add(ch.contact.url); add(ch.contact.phone); add(ch.contact.email);
    for (const o of Object.values(ch.contact.offices ?? {})) [o.phone, o.email, o.address, o.url].forEach((v) => v && values.add(v));
  }
  for (const k of c.colleges) { add(k.url); add(k.phone); add(k.email); add(k.address); }
  return values;
}


describe('Recommendation.contact on the real content', () => {
  it('rank 1 of every Flemish firm in the profile space has an organisation with a phone or an e-mail, every value sourced in content', () => {
    const sourced = sourcedValues(C);
    let checked = 0;
    for (const p of profileSpace({ needs, triggers, regions: ['flanders'], provinces: true })) {
      const first = refer(p, C).recommendations[0];
      if (!first) continue;
      checked++;
      const { contact } = first;
      if (!contact.organisation || !(contact.phone || contact.email)) {
        expect.fail(`${first.channel} for ${JSON.stringify(p)}: ${JSON.stringify(contact)}`);
      }
      for (const v of [contact.phone, contact.email, contact.url, contact.address]) {
        if (v !== undefined && !sourced.has(v)) expect.fail(`${first.channel}: "${v}" is not a sourced value in content`);
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 120_000);

  it('every recommendation has a contact in every language; organisation and note follow the language', () => {
    const p = { ...metalWorkshop, needs: ['practical-problem', 'funding', 'training'] };
    const byLang = Object.fromEntries(LANGS.map((l) => [l, refer(p, C, l)]));
    for (const lang of LANGS) {
      for (const r of byLang[lang]!.recommendations) expect(r.contact.organisation.length).toBeGreaterThan(0);
    }
    const nl = byLang.nl!.recommendations[0]!.contact;
    const fr = byLang.fr!.recommendations[0]!.contact;
    expect(nl.phone).toBe(fr.phone);
    expect(nl.note).toBeDefined();
    expect(nl.note).not.toBe(fr.note);
  });

  it('the contact of a West-Flemish firm is its province\'s point where content has one, else the channel\'s way in', () => {
    for (const p of profileSpace({ needs, regions: ['flanders'], provinces: true })) {
      if (p.province !== 'west-vlaanderen') continue;
      for (const r of refer(p, C).recommendations) {
        const ch = C.channels[r.channel]!.contact;
        const office = ch.offices?.['west-vlaanderen'];
        const college = ch.nearestCollege
          ? C.colleges.find((k) => k.provinces.includes('west-vlaanderen') && (k.phone || k.email) && (!k.nace || k.nace.some((n) => p.nace.startsWith(n))))
          : undefined;
        if (office) expect(r.contact.organisation).toBe(office.name);
        else if (college) expect(r.contact.organisation).toBe(college.name);
        else if (!ch.phone && !ch.email && ch.via) expect(r.contact.note).toBe(ch.via.note.nl);
      }
    }
  });

  it('a firm outside Flanders gets its front door\'s contact', () => {
    const r = refer({ ...metalWorkshop, region: 'brussels', province: undefined } as Profile, C);
    expect(r.recommendations[0]!.contact.phone).toBe(String(C.channels[C.meta.frontDoors.brussels]!.contact.phone!.value));
  });
});

describe('Recommendation.contact: how the point is chosen (edited content)', () => {
  const src = { source: 'https://example.org/test', checked: '2026-11-30' };
  const firstChannel = refer(metalWorkshop, C).recommendations[0]!.channel;

  it('a province office of the first channel wins over its central contact, for that province only', () => {
    const edited: Content = structuredClone(C);
    const ch = edited.channels[firstChannel]!;
    ch.contact.via = undefined;
    ch.contact.nearestCollege = undefined;
    ch.contact.offices = { 'west-vlaanderen': { name: 'Testkantoor West-Vlaanderen', phone: '050 00 00 00', address: 'Teststraat 1, 8000 Brugge', ...src } };
    const engine = createEngine(edited);
    expect(engine.refer(metalWorkshop).recommendations[0]!.contact).toMatchObject({
      organisation: 'Testkantoor West-Vlaanderen', phone: '050 00 00 00', address: 'Teststraat 1, 8000 Brugge',
    });
    const limburg = engine.refer({ ...metalWorkshop, province: 'limburg' }).recommendations[0]!;
    expect(limburg.channel).toBe(firstChannel);
    expect(limburg.contact.organisation).toBe(ch.contact.organisation.nl);
  });

  it('nearestCollege: the first college of the province with a phone or e-mail whose sectors fit; else the via channel', () => {
    const edited: Content = structuredClone(C);
    const ch = edited.channels[firstChannel]!;
    ch.contact.offices = undefined;
    ch.contact.phone = undefined;
    ch.contact.email = undefined;
    ch.contact.nearestCollege = true;
    const via = Object.keys(edited.channels).find((id) => id !== firstChannel && edited.channels[id]!.contact.phone && !edited.channels[id]!.contact.via)!;
    ch.contact.via = { channel: via, note: { nl: 'via-nl', en: 'via-en', fr: 'via-fr' } };
    edited.colleges = [
      { id: 'design', name: 'Designschool', provinces: ['west-vlaanderen'], domains: { nl: 'd', en: 'd', fr: 'd' }, nace: ['31'], phone: { value: '050 11 11 11', ...src }, ...src },
      { id: 'no-phone', name: 'Zonder nummer', provinces: ['west-vlaanderen'], domains: { nl: 'd', en: 'd', fr: 'd' }, ...src },
      { id: 'metal', name: 'Techniekschool', provinces: ['west-vlaanderen'], domains: { nl: 'd', en: 'd', fr: 'd' }, nace: ['25'], email: { value: 'bedrijven@example.org', ...src }, ...src },
    ];
    const engine = createEngine(edited);
    expect(engine.refer(metalWorkshop, 'en').recommendations[0]!.contact).toMatchObject({ organisation: 'Techniekschool', email: 'bedrijven@example.org' });
    // No fitting college in Limburg: the via channel's contact, with the via note in the requested language.
    const limburg = engine.refer({ ...metalWorkshop, province: 'limburg' }, 'fr').recommendations[0]!;
    expect(limburg.channel).toBe(firstChannel);
    expect(limburg.contact).toMatchObject({ organisation: edited.channels[via]!.contact.organisation.fr, phone: String(edited.channels[via]!.contact.phone!.value), note: 'via-fr' });
  });
});
