import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** Every byte ships to every reader of every article: the widget has a hard budget. */
/** No bigger than it was when issue 13 measured it (7,917 B): every feature since pays its way. */
const BUDGET_GZIP = 7_917;

const ROOT = join(import.meta.dirname, '..', '..');

describe('embed.js size budget', () => {
  const code = readFileSync(join(ROOT, 'generated', 'embed.js'));

  it(`stays within ${BUDGET_GZIP} bytes gzipped`, () => {
    const gzip = gzipSync(code, { level: 9 }).length;
    const brotli = brotliCompressSync(code).length;
    console.log(`embed.js: ${code.length} B raw, ${gzip} B gzip, ${brotli} B brotli (budget ${BUDGET_GZIP} B gzip)`);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('bundles no schema library and no development build of Preact', () => {
    const text = code.toString('utf8');
    expect(text).not.toMatch(/zod|ZodError/);
    expect(text).not.toContain('preact/debug');
  });

  it("opens with V8's compile hint, on a line of its own, so its functions compile as it streams in", () => {
    // V8 looks for the magic comment at the top of the script (widget/build.ts).
    expect(code.toString('utf8').split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
  });
});
