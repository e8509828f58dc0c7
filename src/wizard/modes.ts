// Who is filling in the wizard. A module of its own, without dependencies, so the start page (and its
// prerendered HTML, src/ui/prerender.ts) can list the modes without loading the rest of the wizard.

/** The owner for their own firm, an accountant or adviser for a client, an innovation advisor at intake. */
export const MODES = ['owner', 'client', 'intake'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Whom the texts speak to in a mode: the owner ("u", 'you'), or about the firm ("de onderneming",
 * 'about') for an accountant (client) or an advisor (intake). See content/about-voice.yaml.
 */
export const voiceOf = (mode: Mode | undefined): 'you' | 'about' => (mode === 'client' || mode === 'intake' ? 'about' : 'you');
