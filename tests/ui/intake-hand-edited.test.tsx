// @vitest-environment jsdom
// A hand-edited intake file that fails to import (field case 24: "staff": "14" typed as text in an
// editor) says on the start page which field is wrong and why, in the page's language, and every
// field that is wrong, not only the first; nothing of the work in progress changes.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { importIntake } from '../../src/wizard/intake';
import { buildIntake, intakeToJson } from '../../src/wizard/intake-export';
import { SAVE_KEY } from '../../src/wizard/storage';
import { METAL_WORKSHOP_CLIENT } from '../helpers';
import { CONTENT as content, heading, renderApp, setupUi, T } from './render';

setupUi();

const exported = () => JSON.parse(intakeToJson(buildIntake({ ...METAL_WORKSHOP_CLIENT, mode: 'intake' }, 'eerste gesprek', content, 'nl')!)) as { profile: Record<string, unknown> };
/** The exported intake with its profile edited by hand. */
const edited = (profile: Record<string, unknown>) => {
  const data = exported();
  data.profile = { ...data.profile, ...profile };
  return new File([JSON.stringify(data, null, 2)], 'intake-bewerkt.json', { type: 'application/json' });
};
const upload = (f: File) => userEvent.setup({ applyAccept: false }).upload(screen.getByLabelText(T.start.importLabel), f);
const [before, after] = T.notice['import-invalid-profile'].split('{{detail}}') as [string, string];

describe('a hand-edited intake that cannot be read (field case 24)', () => {
  it('names the field and the reason: staff written as text ("14")', async () => {
    await renderApp();
    await upload(edited({ staff: '14' }));
    const status = await screen.findByText((text) => text.startsWith(before) && text.endsWith(after), {}, { timeout: 10_000 });
    expect(status.closest('[role="status"]')).not.toBeNull();
    const detail = status.textContent!.slice(before.length, status.textContent!.length - after.length);
    // The same words as the import computes: the field, the value found, what is allowed.
    expect(detail).toBe((importIntake(JSON.stringify({ ...exported(), profile: { ...exported().profile, staff: '14' } }), content, 'nl') as { detail: string }).detail);
    expect(detail).toMatch(/^staff: staff .*"14".*\. Verwacht: een getal vanaf 0/);
    expect(heading()).toHaveTextContent(T.start.title);
  });

  it('names every wrong field, and changes nothing of the saved work', async () => {
    const saved = { answers: { ...METAL_WORKSHOP_CLIENT, needs: undefined }, step: 'needs' as const };
    await renderApp({ saved });
    const before2 = localStorage.getItem(SAVE_KEY);
    await upload(edited({ staff: -3, needs: ['opleiding'], province: 'Henegouwen' }));
    const status = await screen.findByText((text) => text.startsWith(before) && text.endsWith(after), {}, { timeout: 10_000 });
    const text = status.textContent!;
    expect(text).toContain('province: ');
    expect(text).toContain('"Henegouwen"');
    expect(text).toContain('staff: ');
    expect(text).toContain('-3');
    expect(text).toContain('needs[0]: ');
    expect(text).toContain('"opleiding"');
    expect(localStorage.getItem(SAVE_KEY)).toBe(before2);
    expect(before2).not.toBeNull();
  });
});
