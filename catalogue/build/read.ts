/**
 * @module Reading content/ from disk: every `content/<id>/<lang>.json`, for the build and the
 * publish step alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentFile } from './compile.ts';

/** The content files under `root/content`; anything else there is reported and ignored. */
export function readContent(root: string): ContentFile[] {
  const contentDir = join(root, 'content');
  const files: ContentFile[] = [];
  for (const entry of readdirSync(contentDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const name of readdirSync(join(contentDir, entry.name))) {
      const path = join(contentDir, entry.name, name);
      if (name.endsWith('.json')) files.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
      else console.error(`content: ${relative(root, path)}: ignored (only <lang>.json files are content)`);
    }
  }
  return files;
}
