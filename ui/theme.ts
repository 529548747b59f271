/**
 * @module The colour themes an explainer renders in: `auto` follows the host page (widget) or
 * the reader's system (pages).
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
