import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../tools/chromium.ts';

describe('finding a browser for the browser suites', () => {
  const saved = process.env.CHROME_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  });

  it('uses CHROME_PATH when it points at a file', () => {
    process.env.CHROME_PATH = process.execPath; // any existing executable stands in
    expect(findChromium()).toBe(process.execPath);
  });

  it('fails loudly, never skips, when CHROME_PATH points nowhere', () => {
    process.env.CHROME_PATH = '/nonexistent/chromium';
    expect(() => findChromium()).toThrow('CHROME_PATH is set to /nonexistent/chromium, but no file is there.');
  });
});
