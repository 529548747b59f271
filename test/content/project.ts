/**
 * A throwaway copy of the project for the content CLIs: content/ as it is now, wrangler.toml,
 * node_modules linked; and the CLIs bundled as `node tools/run.mjs` runs them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export const ROOT = join(import.meta.dirname, '..', '..');

/** A folder holding a copy of content/ and wrangler.toml; `remove()` deletes it. */
export function copyProject(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'wrangler.toml'), join(dir, 'wrangler.toml'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Bundles one of catalogue/build's CLIs into `dir` (packages stay external); returns its file. */
export async function bundleCli(name: 'cli' | 'publish-cli' | 'new-cli', dir: string): Promise<string> {
  const outfile = join(dir, `${name}.mjs`);
  await build({
    entryPoints: [join(ROOT, 'catalogue', 'build', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Runs a bundled CLI in `dir`, as `npm run …` would there. */
export function runCli(cli: string, dir: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', env });
}

/**
 * The same, without blocking this process: for a CLI that talks to a server running in the test
 * itself (spawnSync would stop that server from answering).
 */
export function runCliAsync(
  cli: string,
  dir: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The explainers content/ holds now (its folders), however many. */
export const explainerIds = (root = ROOT) =>
  readdirSync(join(root, 'content'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
