// The client and intake mode tools on the result page, from their own chunk (mode-tools.ts): the owner's
// result (the page most people open, often from a link on a phone) does not download, parse or run
// the letter, the QR code, the hand-off e-mails, the export or the desk. Each tool has its own Suspense
// boundary, so the result around it stays on screen while it loads; a failed load is a ChunkLoadError
// for the wizard's error boundary, as for any part of the app (connection.tsx).
import { Suspense, type ComponentProps, type ComponentType } from 'react';
import { retryableLazy } from '../../connection';
import type * as ModeTools from './mode-tools';

type Tools = typeof ModeTools;
const loadTools = () => import('./mode-tools');

function tool<K extends keyof Tools>(name: K) {
  type Props = ComponentProps<Tools[K]> & object;
  const Lazy = retryableLazy<Props>(async () => ({ default: (await loadTools())[name] as unknown as ComponentType<Props> }));
  const Tool = (props: Props) => <Suspense fallback={null}><Lazy {...props} /></Suspense>;
  Tool.preload = Lazy.preload;
  return Tool;
}

export const AdvisorView = tool('AdvisorView');
export const Notes = tool('Notes');
export const ClientTools = tool('ClientTools');
export const IntakeExport = tool('IntakeExport');
export const Handoff = tool('Handoff');
export const Letter = tool('Letter');
export const SaveToDesk = tool('SaveToDesk');

let preloading: Promise<unknown> | null = null;
/**
 * Loads the tools ahead of their first render, so they show with the page (no gap that fills in and
 * pushes the buttons down). App.tsx does it with the wizard for every way in but an owner's share link;
 * the wizard does it for that link once the user does something. Never rejects.
 */
export const preloadModeTools = (): Promise<unknown> => (preloading ??= Promise.all([AdvisorView, Notes, ClientTools, IntakeExport, Handoff, Letter, SaveToDesk].map((t) => t.preload())));
