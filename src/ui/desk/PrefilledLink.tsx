// A client's prefilled link (issue 16, item 6): the "#r=" link with the facts the desk knows (size,
// sector, province), to copy or to print as a QR code, so the client answers only the rest.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { prefilledLink } from '../../wizard/desk/link';
import type { DeskRecord } from '../../wizard/desk/record';
import { QrCode } from '../components/QrCode';

/** Prints only this QR code (with its caption), then returns to normal. */
function printQr(figure: HTMLElement | null) {
  if (!figure) return;
  const root = document.documentElement;
  root.classList.add('print-desk-qr');
  figure.classList.add('desk-qr--printing');
  const done = () => { root.classList.remove('print-desk-qr'); figure.classList.remove('desk-qr--printing'); removeEventListener('afterprint', done); };
  addEventListener('afterprint', done);
  window.print();
}

export function PrefilledLink({ record }: { record: DeskRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState('');
  const url = prefilledLink(record, `${location.origin}${location.pathname}`);
  return (
    <section className="desk-link" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('desk.linkTitle')}</h4>
      <p className="hint" id={`${id}-hint`}>{t('desk.linkHint')}</p>
      <div className="field">
        <label className="label" htmlFor={`${id}-url`}>{t('desk.linkLabel', { name: record.name })}</label>
        <input id={`${id}-url`} className="input desk-link-url" readOnly value={url} aria-describedby={`${id}-hint`} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => {
          navigator.clipboard.writeText(url).then(() => setCopied(t('desk.linkCopied')), () => setCopied(t('desk.linkCopyManual')));
        }}>{t('desk.linkCopy')}</button>
        <button type="button" className="button button--secondary" onClick={() => printQr(document.getElementById(`${id}-qr`))}>{t('desk.qrPrint')}</button>
      </div>
      <p role="status">{copied}</p>
      <figure className="desk-qr" id={`${id}-qr`}>
        <QrCode className="desk-qr-code" url={url} label={t('desk.qrLabel', { name: record.name })} />
        <figcaption>{t('desk.qrCaption', { name: record.name })}</figcaption>
      </figure>
    </section>
  );
}
