/**
 * Headless Chromium for the preview tests: Debian's chromium driven by playwright-core. The flags
 * keep Chromium off the network (this machine's network is closed; the page needs 127.0.0.1 only).
 * Without the browser the tests fail, saying how to install it: they are never skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = process.env.PCDK_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const AXE = require.resolve('axe-core/axe.min.js');

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `the preview tests drive headless Chromium, and ${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium) or set PCDK_CHROMIUM to a Chromium binary`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A new page that records every URL it requests, to prove it reaches nothing beyond 127.0.0.1. */
export async function openPage(browser: Browser): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  errorsOf.set(page, errors);
  return { page, requested };
}

const errorsOf = new WeakMap<Page, string[]>();

/** What the page's script threw or logged as an error since openPage. */
export function scriptErrors(page: Page): string[] {
  return errorsOf.get(page) ?? [];
}

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** axe-core's violations for the page as it is now (all rules axe runs by default). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`);
}

/** Where a test keeps a screenshot (test-artifacts/, gitignored). */
export function artifactPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/**
 * Retries `check` (jest expectations) until it passes: the page answers asynchronously (clicks,
 * live calls), as a user would wait for it. Fails with the last assertion after `timeoutMs`.
 */
export async function until(check: () => Promise<void> | void, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

const texts = async (l: Locator): Promise<string[]> => (await l.allTextContents()).map((t) => t.trim());

/** Waiting assertions on locators (playwright-core has no expect of its own). */
export const see = {
  count: (l: Locator, n: number) => until(async () => expect(await l.count()).toBe(n)),
  text: (l: Locator, want: string | RegExp | string[]) =>
    until(async () => {
      const got = await texts(l);
      if (Array.isArray(want)) expect(got).toEqual(want);
      else if (typeof want === 'string') expect(got).toEqual([want]);
      else {
        expect(got).toHaveLength(1);
        expect(got[0]).toMatch(want);
      }
    }),
  contains: (l: Locator, part: string) => until(async () => expect((await texts(l)).join('\n')).toContain(part)),
  visible: (l: Locator) => l.waitFor({ state: 'visible', timeout: 15_000 }),
  hidden: (l: Locator) => l.waitFor({ state: 'hidden', timeout: 15_000 }),
  attr: (l: Locator, name: string, value: string) => until(async () => expect(await l.getAttribute(name)).toBe(value)),
  value: (l: Locator, value: string) => until(async () => expect(await l.inputValue()).toBe(value)),
  focused: (l: Locator) =>
    until(async () => expect(await l.evaluate((e: any) => e === e.ownerDocument.activeElement)).toBe(true)),
};
