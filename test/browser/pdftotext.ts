/**
 * @module Finding (or, on our Debian machines, installing) poppler's `pdftotext`, which reads
 * Chromium's PDF in the print test. Like Chromium, never skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN_PDFTOTEXT = '/usr/bin/pdftotext';

export function findPdftotext(): string {
  if (existsSync(DEBIAN_PDFTOTEXT)) return DEBIAN_PDFTOTEXT;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    const apt = { stdio: 'inherit' as const, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    execFileSync('apt-get', ['update', '-qq'], apt);
    execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], apt);
    if (existsSync(DEBIAN_PDFTOTEXT)) return DEBIAN_PDFTOTEXT;
  }
  throw new Error(
    'No pdftotext for the print test. Install poppler (Debian/Ubuntu: `sudo apt-get install poppler-utils`).',
  );
}
