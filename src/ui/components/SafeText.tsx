// Renders content text with its small safe markup: *emphasis* and [label](https://...).
// Built from React elements, never innerHTML: whatever a text contains stays text.
import { Fragment, type ReactNode } from 'react';

const TOKEN = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)|\*([^*]+)\*/g;

export function renderSafe(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] && m[2]) out.push(<a key={m.index} href={m[2]} rel="noopener noreferrer" target="_blank">{m[1]}</a>);
    else out.push(<em key={m.index}>{m[3]}</em>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function SafeText({ text }: { text: string }) {
  return <Fragment>{renderSafe(text)}</Fragment>;
}
