// The desk's optional passphrase (issue 16, item 5): unlocking a protected desk (a wrong passphrase is
// said and changes nothing), and setting, changing, removing it or locking the desk again.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Desk } from './use-desk';

/** Characters a new passphrase needs at least (a short one is guessed quickly from a copied desk). */
const MIN_PASSPHRASE = 8;

export function Unlock({ onUnlock }: { onUnlock: (passphrase: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <form noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!value) { setError(t('desk.unlockEmpty')); input.current?.focus(); return; }
      setBusy(true);
      void onUnlock(value).then((ok) => {
        setBusy(false);
        if (!ok) { setError(t('desk.unlockWrong')); input.current?.focus(); }
      });
    }}>
      <p>{t('desk.lockedText')}</p>
      <div className={`field${error ? ' field--error' : ''}`}>
        <label className="label" htmlFor="desk-unlock">{t('desk.passphrase')}</label>
        {error ? <p className="field-error" id="desk-unlock-error" role="alert">{error}</p> : null}
        <input ref={input} id="desk-unlock" type="password" className="input input--medium" autoComplete="current-password" value={value}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'desk-unlock-error' : undefined} onChange={(e) => setValue(e.currentTarget.value)} />
      </div>
      <button type="submit" className="button" disabled={busy}>{t('desk.unlock')}</button>
      <p role="status">{busy ? t('desk.unlocking') : ''}</p>
      <p className="hint">{t('desk.forgotten')}</p>
    </form>
  );
}

export function Passphrase({ desk }: { desk: Desk }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ first?: string; again?: string }>({});
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (first.length < MIN_PASSPHRASE) next.first = t('desk.passphraseShort', { min: MIN_PASSPHRASE, length: first.length });
    else if (again !== first) next.again = t('desk.passphraseMismatch');
    setErrors(next);
    if (next.first || next.again) { document.getElementById(next.first ? 'desk-pass-new' : 'desk-pass-again')?.focus(); return; }
    setBusy(true);
    const ok = await desk.setPassphrase(first);
    setBusy(false);
    if (ok) { setFirst(''); setAgain(''); setDone(t('desk.passphraseSet')); }
  };
  return (
    <section aria-labelledby="desk-pass-title">
      <h2 id="desk-pass-title">{t('desk.passphraseTitle')}</h2>
      <p>{t(desk.hasPassphrase ? 'desk.passphraseOn' : 'desk.passphraseOff')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className={`field${errors.first ? ' field--error' : ''}`}>
          <label className="label" htmlFor="desk-pass-new">{t(desk.hasPassphrase ? 'desk.passphraseChange' : 'desk.passphraseNew')}</label>
          <p className="hint" id="desk-pass-hint">{t('desk.passphraseHint', { min: MIN_PASSPHRASE })}</p>
          {errors.first ? <p className="field-error" id="desk-pass-new-error" role="alert">{errors.first}</p> : null}
          <input id="desk-pass-new" type="password" autoComplete="new-password" className="input input--medium" value={first} aria-invalid={errors.first ? true : undefined}
            aria-describedby={errors.first ? 'desk-pass-hint desk-pass-new-error' : 'desk-pass-hint'} onChange={(e) => setFirst(e.currentTarget.value)} />
        </div>
        <div className={`field${errors.again ? ' field--error' : ''}`}>
          <label className="label" htmlFor="desk-pass-again">{t('desk.passphraseAgain')}</label>
          {errors.again ? <p className="field-error" id="desk-pass-again-error" role="alert">{errors.again}</p> : null}
          <input id="desk-pass-again" type="password" autoComplete="new-password" className="input input--medium" value={again} aria-invalid={errors.again ? true : undefined}
            aria-describedby={errors.again ? 'desk-pass-again-error' : undefined} onChange={(e) => setAgain(e.currentTarget.value)} />
        </div>
        <div className="button-group">
          <button type="submit" className="button button--secondary" disabled={busy}>{t(desk.hasPassphrase ? 'desk.passphraseChangeButton' : 'desk.passphraseSetButton')}</button>
          {desk.hasPassphrase ? (
            <>
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => {
                setBusy(true);
                void desk.setPassphrase(null).then((ok) => { setBusy(false); if (ok) setDone(t('desk.passphraseRemoved')); });
              }}>{t('desk.passphraseRemove')}</button>
              <button type="button" className="button button--secondary" onClick={desk.lock}>{t('desk.lockNow')}</button>
            </>
          ) : null}
        </div>
        <p role="status">{busy ? t('desk.passphraseBusy') : done}</p>
      </form>
    </section>
  );
}
