import { describe, expect, it } from 'vitest';
import { inlineText, parseInline } from '../../catalogue/inline.ts';

describe('inline formatting is parsed into typed runs, never HTML', () => {
  it('parses emphasis, https links and citations', () => {
    const parsed = parseInline('The *ICC* says [so](https://www.icc-cpi.int/x)[^icc].');
    expect(parsed).toEqual({
      ok: true,
      value: [
        { type: 'text', text: 'The ' },
        { type: 'em', text: 'ICC' },
        { type: 'text', text: ' says ' },
        { type: 'link', text: 'so', href: 'https://www.icc-cpi.int/x' },
        { type: 'cite', source: 'icc' },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps HTML as plain text', () => {
    const parsed = parseInline('<img src=x onerror=alert(1)> & <b>bold</b>');
    expect(parsed).toEqual({ ok: true, value: [{ type: 'text', text: '<img src=x onerror=alert(1)> & <b>bold</b>' }] });
  });

  it('rejects links that are not https', () => {
    for (const href of ['http://x.org', 'javascript:alert(1)', 'data:text/html,x', '//x.org', '/relative'])
      expect(parseInline(`[x](${href})`).ok, href).toBe(false);
  });

  it('gives the plain text of runs', () => {
    const parsed = parseInline('A *b* [c](https://c.org)[^s]');
    expect(parsed.ok && inlineText(parsed.value)).toBe('A b c');
  });
});
