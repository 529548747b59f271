/**
 * @module The one escaper, for the two places that must hand out markup as a string (the embed
 * code publishers copy, the oEmbed `html` WordPress keeps); pages render through components.
 */

/** Text made safe inside a double-quoted attribute or element content: titles are text, never markup. */
export const attr = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
