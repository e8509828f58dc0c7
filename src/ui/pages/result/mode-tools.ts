// The tools of client and intake mode, one chunk that an owner's result never loads (lazy-tools.tsx):
// the accountant's names, letter and hand-off e-mails; the advisor's notes, reasoning and export; saving
// the firm to the intermediary's desk.
export { AdvisorView, Notes } from './AdvisorView';
export { ClientTools, IntakeExport } from './IntakeTools';
export { Handoff } from './Handoff';
export { Letter } from './Letter';
export { SaveToDesk } from '../../desk/SaveToDesk';
