/**
 * `pcdk preview` and `pcdk serve` in process, and `pcdk build`'s static preview.html: the page
 * the build writes is the page the commands serve, apart from live mode.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { liveAttribute } from '../../src/emit/preview-page';
import { runCli, type CliRun } from '../helpers/run-cli';

jest.setTimeout(120_000);

/** Starts a long-running command, waits for the line matching `re`, and returns its capture and a stop. */
async function started(args: string[], re: RegExp): Promise<{ url: string; stop: () => Promise<CliRun> }> {
  let found: (u: string) => void;
  const url = new Promise<string>((r) => (found = r));
  const done = runCli(args, (s) => {
    const m = re.exec(s);
    if (m) found(m[1]!);
  });
  // A command that fails before listening resolves `done` first: report that instead of hanging.
  const first = await Promise.race([url, done.then((r) => r)]);
  if (typeof first !== 'string') throw new Error(`${args.join(' ')} exited ${first.code}: ${first.err}`);
  return {
    url: first,
    stop: async () => {
      process.emit('SIGINT');
      return done;
    },
  };
}

describe('pcdk preview', () => {
  test('serves the live page; `pcdk build` writes the same page, static', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-preview-out-'));
    const built = await runCli(['build', 'convertkit', '--out', out]);
    expect(built.code).toBe(0);
    const file = fs.readFileSync(path.join(out, 'convertkit', 'preview.html'), 'utf8');
    expect(file).toContain(liveAttribute(false));

    const preview = await started(
      ['preview', 'convertkit', '--port', '0'],
      /at (http:\/\/127\.0\.0\.1:\d+\/_pcdk\/preview\/)/,
    );
    const served = await (await fetch(preview.url)).text();
    const r = await preview.stop();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^pcdk: previewing convertkit \(\d+ recordings in definitions\/convertkit\/recordings\) at /);
    expect(served).toContain(liveAttribute(true));
    expect(served.replace(liveAttribute(true), liveAttribute(false))).toBe(file);
  });

  test('`pcdk serve` serves the page beside the API', async () => {
    const serve = await started(['serve', 'convertkit', '--port', '0'], /designer preview at (http:\/\/\S+)/);
    const res = await fetch(serve.url);
    const html = await res.text();
    const r = await serve.stop();
    expect(res.status).toBe(200);
    expect(html).toContain('<h1>ConvertKit</h1>');
    expect(r.out).toMatch(/serving convertkit from \d+ recordings at http:\/\/127\.0\.0\.1:\d+\/v3\//);
  });

  test.each([
    [['preview', 'convertkit', '--port', 'abc'], 'pcdk: --port "abc" is not a port number'],
    [['preview', 'convertkit', '--port', '70000'], 'pcdk: --port "70000" is not a port number'],
    [['preview', 'Not An Id'], 'pcdk: "Not An Id" is not a connector id'],
  ])('%j fails clearly', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
