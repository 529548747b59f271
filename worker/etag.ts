/**
 * @module The one validator: every ETag we send is this function of the exact bytes served.
 */

/**
 * A strong ETag: the first 160 bits of the bytes' SHA-256, base64url, quoted. Nothing a client
 * sends goes into it but what it names, so no request can make two different bodies share one.
 *
 * @example await etagOf(new TextEncoder().encode('{"a":1}')) // → '"…27 characters…"'
 */
export async function etagOf(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let binary = '';
  for (const b of digest.subarray(0, 20)) binary += String.fromCharCode(b);
  return `"${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}"`;
}
