#!/usr/bin/env node
/**
 * Makes what pcdk ships so that the first build after `npm install` costs what a warm one does.
 * Runs after tsc in `npm run compile`, with the same code the CLI runs:
 * - the compiled validators (lib/generated/validators/, see src/validate/shipped-validators.ts):
 *   the Swagger 2.0 schema swagger-parser validates against, and the three official Power
 *   Platform schemas from PCDK_SCHEMAS, else PCDK_SHARED/schemas, else ../shared/schemas (where
 *   the tests look for them too, so a clone that sets only PCDK_SHARED ships what they check);
 * - the cache entries of the generated client's runtime, its bundle and the declarations
 *   TypeScript emits for it (lib/generated/cache/, see src/io/content-cache.ts), so no build
 *   loads the typescript package.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const lib = path.join(root, 'lib');
const { standaloneCode } = require(path.join(lib, 'validate', 'compiled-cache.js'));
const { officialValidatorRecipes } = require(path.join(lib, 'validate', 'official-schemas.js'));
const { swagger2Recipe } = require(path.join(lib, 'validate', 'swagger-parser.js'));
const { SHIPPED_MANIFEST, SHIPPED_VALIDATORS_DIR, shippedFileText, shippedKey } = require(
  path.join(lib, 'validate', 'shipped-validators.js'),
);

const schemas =
  process.env.PCDK_SCHEMAS ||
  path.join(
    process.env.PCDK_SHARED ? path.resolve(process.env.PCDK_SHARED) : path.join(root, '..', 'shared'),
    'schemas',
  );
const recipes = [swagger2Recipe()];
if (fs.existsSync(schemas)) recipes.push(...officialValidatorRecipes(schemas));
else
  process.stderr.write(
    `generate-shipped: no official schemas at ${schemas} (set PCDK_SCHEMAS or PCDK_SHARED); ` +
      'this package will validate against them only with --schemas\n',
  );

// Files are replaced one by one, each atomically, and stale ones removed afterwards: `npm pack`
// compiles while tests may be reading these folders (the end-to-end test packs this repository),
// so they must never be missing or half-written.
function writeAtomic(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

const out = path.join(root, SHIPPED_VALIDATORS_DIR);
fs.mkdirSync(out, { recursive: true });
const manifest = { validators: {} };
for (const r of recipes) {
  const file = `${r.label}.js`;
  writeAtomic(path.join(out, file), shippedFileText(r.label, standaloneCode(r.compile())));
  manifest.validators[r.label] = { key: shippedKey(r.keyMaterial), file };
}
writeAtomic(path.join(out, SHIPPED_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
const current = new Set([SHIPPED_MANIFEST, ...Object.values(manifest.validators).map((v) => v.file)]);
for (const f of fs.readdirSync(out)) if (!current.has(f)) fs.rmSync(path.join(out, f), { force: true });

// The client runtime: the same calls a build makes, with the cache pointed at the shipped folder.
// Entries are keyed by the runtime's sources, so one still there is current; when the run writes
// new ones (the sources changed), the ones from before are stale.
const { shippedCacheDir } = require(path.join(lib, 'io', 'content-cache.js'));
const cacheDir = shippedCacheDir();
fs.mkdirSync(cacheDir, { recursive: true });
const before = fs.readdirSync(cacheDir);
process.env.PCDK_CACHE_DIR = cacheDir;
delete process.env.PCDK_NO_CACHE;
const { runtimeDeclarations } = require(path.join(lib, 'synth', 'client-artifact.js'));
runtimeDeclarations();
const written = fs.readdirSync(cacheDir).filter((f) => !before.includes(f));
if (written.length > 0) for (const f of before) fs.rmSync(path.join(cacheDir, f), { force: true });
