/**
 * Connector folders under a root: each folder holding an apiDefinition.swagger.json (any case),
 * not descending into it, nor into hidden folders, node_modules or symbolic links, at most five
 * levels deep. Unreadable folders are skipped. Sorted, so runs list them in one order.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const API_DEFINITION_FILE = 'apiDefinition.swagger.json';

export function findConnectorFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name.toLowerCase() === API_DEFINITION_FILE.toLowerCase())) {
      out.push(dir);
      return;
    }
    if (depth > 4) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
        walk(path.join(dir, e.name), depth + 1);
    }
  };
  walk(root, 0);
  return out.sort();
}
