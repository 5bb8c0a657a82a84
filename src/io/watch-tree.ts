/**
 * Watches a folder and everything below it, calling `onChange` for any change. Each directory is
 * watched on its own (non-recursive fs.watch): a directory watch reports edits of the files in it
 * whatever the editor does (write in place, or write elsewhere and rename over), where Node 20's
 * recursive mode on Linux watches files by inode and goes deaf to a file replaced by rename.
 * New subdirectories are picked up when they appear; removed ones are dropped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TreeWatcher {
  close(): void;
}

export function watchTree(root: string, onChange: (file: string) => void): TreeWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  const add = (dir: string): void => {
    if (watchers.has(dir)) return;
    let w: fs.FSWatcher;
    try {
      w = fs.watch(dir, (_event, name) => {
        const file = name ? path.join(dir, name.toString()) : dir;
        // A rename may be a new or removed subdirectory: keep the set of watched ones current.
        if (_event === 'rename') sync();
        onChange(file);
      });
    } catch {
      return; // removed between listing and watching
    }
    w.on('error', () => drop(dir));
    watchers.set(dir, w);
  };
  const drop = (dir: string): void => {
    watchers.get(dir)?.close();
    watchers.delete(dir);
  };
  const sync = (): void => {
    const present = new Set<string>();
    const walk = (dir: string): void => {
      present.add(dir);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
    };
    walk(root);
    for (const dir of [...watchers.keys()]) if (!present.has(dir)) drop(dir);
    for (const dir of present) if (fs.existsSync(dir)) add(dir);
  };
  sync();
  return {
    close() {
      for (const dir of [...watchers.keys()]) drop(dir);
    },
  };
}
