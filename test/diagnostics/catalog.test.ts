/** Each area owns its codes; together they are unique, documented, and each area's files report only its own. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIAGNOSTIC_AREAS, DIAGNOSTIC_CATALOG } from '../../src/cli/diagnostic-catalog';
import type { DiagnosticDefinition } from '../../src/diagnostics';

const src = path.join(__dirname, '..', '..', 'src');

test('no code is defined by two areas', () => {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const a of DIAGNOSTIC_AREAS) {
    for (const code of Object.keys(a.definitions)) {
      if (seen.has(code)) twice.push(`${code} (${seen.get(code)} and ${a.area})`);
      seen.set(code, a.area);
    }
  }
  expect(twice).toEqual([]);
  expect(DIAGNOSTIC_CATALOG.size).toBe(seen.size);
});

test.each([...DIAGNOSTIC_CATALOG].map(([code, e]) => [code, e.area, e.definition] as const))(
  '%s (%s) is documented: kebab-case code, message and fix',
  (code, _area, d: DiagnosticDefinition<never>) => {
    expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(d.hint.length).toBeGreaterThan(10);
    expect(['error', 'warning']).toContain(d.severity);
    expect(typeof d.message).toBe('function');
  },
);

test('every area keeps its codes in its own folder: src/<area>/diagnostics.ts', () => {
  for (const a of DIAGNOSTIC_AREAS) expect(fs.existsSync(path.join(src, a.area, 'diagnostics.ts'))).toBe(true);
});

test('no module outside validate/ imports validate/diagnostics just to report its own findings', () => {
  // Cross-area use is allowed only where a module reports a validation finding itself
  // (the build's descriptor-value-invalid, pack's file-unreadable when reading a swagger).
  const allowed = new Set(['synth/build-connector.ts', 'pack/swagger-format.ts', 'cli/diagnostic-catalog.ts']);
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else if (e.name.endsWith('.ts') && !file.includes(`${path.sep}validate${path.sep}`)) {
        const rel = path.relative(src, file).split(path.sep).join('/');
        if (/from '(\.\.\/)+validate\/diagnostics'/.test(fs.readFileSync(file, 'utf8')) && !allowed.has(rel))
          offenders.push(rel);
      }
    }
  };
  walk(src);
  expect(offenders).toEqual([]);
});
