// The question pages (with react-hook-form): a chunk of their own, so a share link's result does not
// load the forms' code. Loaded with the wizard for a fresh start or saved progress, and in the
// background once a result from a link is on screen (Wizard.tsx).
export { RegionPage } from './RegionPage';
export { StaffPage } from './StaffPage';
export { FiguresPage } from './FiguresPage';
export { OwnershipPage } from './OwnershipPage';
export { SectorPage } from './SectorPage';
export { IntroducedPage, PracticesPage } from './InnovationPages';
export { NeedsPage } from './NeedsPage';
export { TriggersPage } from './TriggersPage';
