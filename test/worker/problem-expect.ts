/**
 * What every problem answer of ours must be, checked the same way wherever a test meets one.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';

/** A problem document of `status`, whose `type` is one of our problem-type URIs (`kind`, if given). */
export async function expectProblem(res: Response, status: number, kind?: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  const body = await res.json<Record<string, unknown>>();
  expect(body).toMatchObject({ status });
  expect(body.type).toMatch(new RegExp(`^${env.PUBLIC_ORIGIN}/problems/${kind ?? '[a-z-]+'}$`));
  expect(typeof body.title).toBe('string');
  expect((body.detail as string).length).toBeGreaterThan(10);
  return body;
}
