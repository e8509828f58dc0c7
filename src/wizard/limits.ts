// Sizes the wizard accepts, in one place: the forms (maxLength), saved progress, the intake file and its
// import all use these. No dependencies, so the start page can use them without loading the wizard.

/** Characters of an advisor's notes (a few pages of text). */
export const MAX_NOTES = 20_000;
/** Characters of the adviser's or client's name on the letter and the intake. */
export const MAX_NAME = 200;
/** Bytes of an intake file to import: an export is a few kilobytes, so anything far larger is not one of ours. */
export const MAX_INTAKE_BYTES = 1024 * 1024;
