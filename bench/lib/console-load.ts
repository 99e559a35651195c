/**
 * The web console in the bench (issue 18: "the console's first-load time and bundle size"): what
 * the first page loads from the built `dist/console`, and how long a fresh browser takes from
 * navigation to a usable page, served by the measured server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { percentile } from './stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BundleSize {
  /** The files `index.html` loads before the first render: entry script, its preloads, stylesheets. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

/**
 * The initial JS and CSS of the built console, as `index.html` names them (Vite writes the entry
 * script, the static imports as modulepreload and the CSS there; lazy pages and fonts come later).
 * Null when the console is not built.
 */
export function consoleBundleSize(directory: string): BundleSize | null {
  const indexFile = join(directory, 'index.html');
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, 'utf8');
  const files = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const url = /\b(?:src|href)="([^"]+\.(?:js|css))"/.exec(tag)?.[1];
    if (!url || /^[a-z]+:/i.test(url)) continue;
    if (tag.startsWith('<link') && !/rel="(stylesheet|modulepreload)"/.test(tag)) continue;
    files.add(url.replace(/^\//, ''));
  }
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = readFileSync(join(directory, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content).length;
  }
  return { files: [...files], rawBytes, gzipBytes };
}

export interface FirstLoad {
  /** Navigation to the sign-in page's method shown (anonymous, fresh browser context), ms. */
  signIn: { p50: number; runs: number[] };
  /** Navigation to the first row of the cooperation list (a signed-in coordinator), ms. */
  cooperationList: { p50: number; runs: number[] };
}

/**
 * First loads in fresh browser contexts (empty cache, no service worker) against `url`: the
 * sign-in page, and the cooperation list of a signed-in user (the session the console keeps in
 * sessionStorage, given `session`). `{ missing }` when there is no chromium to drive, or it fails.
 */
export async function consoleFirstLoad(
  url: string,
  session: Record<string, unknown>,
  runs: number,
): Promise<FirstLoad | { missing: string }> {
  if (!existsSync(CHROMIUM)) return { missing: `chromium missing at ${CHROMIUM}` };
  // A browser that does not start or a page that never shows is this row's failure, not the run's.
  try {
    return await firstLoads(url, session, runs);
  } catch (error) {
    return { missing: `first load failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
}

async function firstLoads(url: string, session: Record<string, unknown>, runs: number): Promise<FirstLoad> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
  try {
    const time = async (path: string, visible: string, init?: string): Promise<number> => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
      try {
        if (init) await context.addInitScript(init);
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${url}${path}`);
        await page.locator(visible).first().waitFor({ state: 'visible', timeout: 60_000 });
        return performance.now() - t0;
      } finally {
        await context.close();
      }
    };
    const signedIn = `sessionStorage.setItem('ikz.session', ${JSON.stringify(JSON.stringify(session))})`;
    // Untimed: chromium's own start-up (profile, GPU process) belongs to no page.
    await time('/sign-in', '[data-sign-in]');
    const signIn: number[] = [];
    const list: number[] = [];
    for (let i = 0; i < runs; i++) {
      signIn.push(await time('/sign-in', '[data-sign-in]'));
      list.push(await time('/', '[data-cooperation]', signedIn));
    }
    signIn.sort((a, b) => a - b);
    list.sort((a, b) => a - b);
    return {
      signIn: { p50: percentile(signIn, 50), runs: signIn },
      cooperationList: { p50: percentile(list, 50), runs: list },
    };
  } finally {
    await browser.close();
  }
}
