import fs from 'node:fs';
import path from 'node:path';

/** Files where a page can open another: its script and its markup. */
const SOURCE = /\.(js|ts|wxml)$/;
const SKIPPED = new Set(['node_modules', 'miniprogram_npm', '.git']);
/** A project's own files are a few thousand at most; past this the search stops (a huge tree is not read whole). */
const MAX_FILES = 20000;

/**
 * The host's files that still open `pageUrl` (the call page remove takes away), posix paths relative to the
 * project: a `wx.navigateTo` or a `<navigator>` the team wrote from add's steps, which would fail at run
 * time once the page is gone. `subpackage` (relative to the project) is not searched: it goes.
 */
export function filesOpening(projectDir: string, miniprogramRoot: string, subpackage: string, pageUrl: string): string[] {
  const found: string[] = [];
  let seen = 0;
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(projectDir, relative), { withFileTypes: true })) {
      const file = relative ? `${relative}/${entry.name}` : entry.name;
      if (SKIPPED.has(entry.name) || file === subpackage || seen >= MAX_FILES) continue;
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.isFile() && SOURCE.test(entry.name)) {
        seen += 1;
        if (fs.readFileSync(path.join(projectDir, file), 'utf8').includes(pageUrl)) found.push(file);
      }
    }
  };
  walk(miniprogramRoot);
  return found.sort();
}
