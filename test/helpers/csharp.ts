/**
 * A real C# compiler for generated script.csx: Debian's mono-mcs compiles the script against
 * test/helpers/csx/ScriptBase.cs (the ScriptBase API as Microsoft documents it) and a harness that
 * runs it once on a recorded response, under mono. Newtonsoft.Json is Debian's build, the library
 * the platform gives scripts. .ci/run installs all three packages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const CSX = path.join(__dirname, 'csx');
const NEWTONSOFT = ['/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll'];
export const MONO_PACKAGES = 'mono-mcs libmono-system-net-http4.0-cil libnewtonsoft-json5.0-cil';

function need(cmd: string): void {
  if (spawnSync('which', [cmd]).status !== 0)
    throw new Error(`${cmd} is not installed: apt-get install -y ${MONO_PACKAGES} (.ci/run installs them)`);
}

export interface ScriptRun {
  sent: number;
  sentMethod: string;
  sentUri: string;
  status: number;
  location: string;
  body: string;
}

export interface CompiledScript {
  dir: string;
  /** Runs the script once for `operationId`, SendAsync answering `status` with `body` (undefined: no content). */
  run(operationId: string, method: string, uri: string, status: number, body?: string): ScriptRun;
}

/** Compiles the script with warnings as errors; throws with the compiler's output when it fails. */
export function compileScript(source: string): CompiledScript {
  need('mcs');
  need('mono');
  const newtonsoft = NEWTONSOFT.find((f) => fs.existsSync(f));
  if (!newtonsoft) throw new Error(`Newtonsoft.Json is not installed: apt-get install -y ${MONO_PACKAGES}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-csx-'));
  fs.writeFileSync(path.join(dir, 'script.cs'), source);
  fs.copyFileSync(newtonsoft, path.join(dir, 'Newtonsoft.Json.dll'));
  const args = [
    '-nologo',
    '-warnaserror+',
    '-target:exe',
    `-out:${path.join(dir, 'harness.exe')}`,
    '-r:System.Net.Http.dll',
    `-r:${path.join(dir, 'Newtonsoft.Json.dll')}`,
    path.join(CSX, 'ScriptBase.cs'),
    path.join(CSX, 'Harness.cs'),
    path.join(dir, 'script.cs'),
  ];
  const r = spawnSync('mcs', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`mcs failed:\n${r.stdout}${r.stderr}`);
  return {
    dir,
    run(operationId, method, uri, status, body) {
      let bodyArg = '-';
      if (body !== undefined) {
        bodyArg = path.join(dir, `response-${Math.random().toString(36).slice(2)}.json`);
        fs.writeFileSync(bodyArg, body);
      }
      const out = execFileSync(
        'mono',
        [path.join(dir, 'harness.exe'), operationId, method, uri, String(status), bodyArg],
        {
          encoding: 'utf8',
        },
      );
      const kv = Object.fromEntries(
        out
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      return {
        sent: Number(kv.sent),
        sentMethod: kv.sentMethod ?? '',
        sentUri: kv.sentUri ?? '',
        status: Number(kv.status),
        location: kv.location ?? '',
        body: kv.body ?? '',
      };
    },
  };
}
