/**
 * @module Id and language patterns, shared by the schema, the Worker and the widget.
 * Kept apart from schema.ts so that the widget bundle does not pull in the schema library.
 */

/** Lowercase slug: explainer ids, card ids, source ids. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
/** BCP 47 primary language (optionally with region), e.g. `en`, `de`, `pt-BR`. */
export const LANG = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
