/**
 * Property-based tests in workerd: whatever a client sends (methods, unicode and encoded paths,
 * dot segments, very long paths, odd queries and headers), the Worker never fails (no 5xx),
 * every error is a problem document (or, for a browser on an HTML route, an error page) with
 * CORS, no request bytes it did not validate come back in a response header, and the header
 * block stays small. FC_RUNS and FC_SEED widen or vary the search (defaults: 500 runs in batches of 250, seed 20241118;
 * vitest-pool-workers slows down superlinearly within one isolate, the Worker itself does not).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { get } from './request.ts';

declare const __FC_RUNS__: string;
declare const __FC_SEED__: string;
/** From the environment of `npm test` (vitest.config.ts defines them for workerd). */
const RUNS = Number(__FC_RUNS__);
const SEED = Number(__FC_SEED__);
/** Every generated string carries this marker, so a reflection is easy to spot. */
const MARK = 'zq8x';

// workerd's Request accepts the standard methods only (others never reach a Worker).
const methods = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
const prefixes = fc.constantFrom(
  '/',
  '/v1/explainers/',
  '/v1/explainers/putin-baku-2024/',
  '/explainers/',
  '/explainers/putin-baku-2024/',
  '/v1/',
  '/v1/strings/',
  '/oembed/',
  '/embed/',
  '/docs/',
  '/v1/embed.',
);
const segment = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('..', '.', '%2e%2e', '%2F', '%00', '%ff', '%E2%80%AE', 'putin-baku-2024', 'ru', 'snippet', 'sources'),
  fc.string({ maxLength: 3 }).map((s) => s.repeat(700)),
);
const path = fc
  .tuple(prefixes, fc.array(segment, { maxLength: 4 }))
  .map(([prefix, segs]) => prefix + segs.map((s) => encodeURIComponent(s) + MARK).join('/'));
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'lang',
        'limit',
        'cursor',
        'theme',
        'url',
        'format',
        'maxwidth',
        'maxheight',
        'mode',
        'accent',
        'x',
      ),
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('ru', 'EN', '0', '101', '-1', 'xml', 'https://evil.example/explainers/a'),
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${encodeURIComponent(v + MARK)}`).join('&'));
const headers = fc.record(
  {
    Accept: fc.constantFrom('text/html', 'application/json', '*/*', `text/${MARK}`),
    'If-None-Match': fc.oneof(
      fc.constantFrom('*', 'W/"x"'),
      fc.string({ maxLength: 60 }).map((s) => `"${s}${MARK}"`),
    ),
    Origin: fc.constantFrom('https://publisher.example', `https://${MARK}.example`, 'null'),
    'Access-Control-Request-Headers': fc
      .array(fc.constantFrom('if-none-match', `x-${MARK}`, 'content-type'), { maxLength: 300 })
      .map((a) => a.join(', ')),
    'Accept-Language': fc.constantFrom('ru-RU', MARK, 'en;q=0.5'),
  },
  { requiredKeys: [] },
);

/** Runs are split into batches of this many: one long property slows down in workerd. */
const BATCH = 250;

describe('the Worker under arbitrary requests (fast-check)', () => {
  for (let batch = 0; batch * BATCH < RUNS; batch++)
    it(`never fails, always answers with CORS and a problem or a page, never reflects the request (runs ${batch * BATCH + 1}–${Math.min(RUNS, (batch + 1) * BATCH)}, seed ${SEED + batch})`, async () => {
      await fc.assert(
        fc.asyncProperty(methods, path, query, headers, async (method, p, q, h) => {
          const url = q ? `${p}?${q}` : p;
          const res = await get(url, { method, headers: h as Record<string, string>, redirect: 'manual' });
          const body = method === 'HEAD' ? '' : await res.text();
          expect(res.status, `${method} ${url}`).toBeLessThan(500);
          expect(res.headers.get('Access-Control-Allow-Origin'), `${method} ${url}`).toBe('*');
          if (res.status >= 400) {
            const type = res.headers.get('Content-Type') ?? '';
            const page = type.startsWith('text/html') && /text\/html/.test(h.Accept ?? '');
            expect(type.startsWith('application/problem+json') || page, `${method} ${url}: ${type}`).toBe(true);
            if (!page && method !== 'HEAD') expect((JSON.parse(body) as { status: number }).status).toBe(res.status);
          }
          let block = 0;
          res.headers.forEach((value, name) => {
            block += name.length + value.length + 4;
            // A trailing-slash redirect names the same request without the slash: that is its
            // job, and it stays on our origin. Nothing else may carry the request back.
            if (res.status === 308 && name === 'location') {
              const asked = new URL(url, 'https://x.example');
              expect(value, `${method} ${url}`).toBe(asked.pathname.replace(/\/+$/, '') + asked.search);
              expect(value.startsWith('/') && !value.startsWith('//'), `${method} ${url}`).toBe(true);
              return;
            }
            expect(value, `${method} ${url}: header ${name} reflects the request`).not.toContain(MARK);
          });
          expect(block, `${method} ${url}`).toBeLessThan(8 * 1024);
        }),
        { numRuns: Math.min(BATCH, RUNS - batch * BATCH), seed: SEED + batch },
      );
    }, 120_000);
});
