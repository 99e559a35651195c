import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { consoleDirectory } from '../../src/console-host/console-host.module';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/bootstrap';
import { TEST_JWT_SECRET } from '../support/test-app';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'console');

export interface ConsoleServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A listening server on an in-memory embedded database, serving the built console — started like
 * main.ts does: the testing module of createTestApp resolves serve-static's loader before an HTTP
 * adapter exists, so it would serve nothing.
 */
export async function startConsoleServer(overrides: Record<string, string> = {}): Promise<ConsoleServer> {
  if (!existsSync(join(consoleDirectory(), 'index.html'))) {
    throw new Error('dist/console is missing: run `npm run build` first (npm run test:browser does)');
  }
  const settings = {
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    IKZ_DATA_DIR: ':memory:',
    DATABASE_URL: '',
    TIMERS_ENABLED: 'false',
    ...overrides,
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(settings), {
    bodyParser: false,
    logger: false,
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
  });
}

/** A browser context of its own per user (own sessionStorage), at desktop width, German. */
export async function userContext(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  // bypassCSP: axe-core is injected as an inline script, which the console's CSP rightly refuses.
  return browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin', bypassCSP: true });
}

/** Development sign-in through the console's sign-in page. */
export async function signIn(
  page: Page,
  url: string,
  who: { sub: string; search: string; ags: string },
): Promise<void> {
  // Already there (sent by an expired session): stay, so that the page returns to where the user was.
  if (!page.url().includes('/sign-in')) await page.goto(`${url}/sign-in`);
  await page.locator('#role-coordinator').check();
  await page.locator('#municipality-search').fill(who.search);
  await page.locator(`#municipality option[value="${who.ags}"]`).waitFor({ state: 'attached' });
  await page.locator('#municipality').selectOption(who.ags);
  await page.locator('#sub').fill(who.sub);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.locator(`[data-signed-in="${who.sub}"]`).waitFor();
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the page: the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Fills a form generated from a JSON schema with a request body: fields are named by their path
 * (`resources.0.time.personDays`), arrays grow through their "add" buttons.
 */
export async function fillForm(page: Page, value: unknown, path = ''): Promise<void> {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    if (path === 'documents') {
      for (const id of value as string[]) {
        await page.locator(`form.ikz-form input[name="documents"][value="${id}"]`).check();
      }
      return;
    }
    for (let i = 0; i < value.length; i++) {
      if ((await page.locator(`[data-item="${path}.${i}"]`).count()) === 0) {
        await page.locator(`[data-add="${path}"]`).click();
      }
      await fillForm(page, value[i], `${path}.${i}`);
    }
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (!path && key === 'type') continue;
      await fillForm(page, child, path ? `${path}.${key}` : key);
    }
    return;
  }
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const field = page.locator(`form.ikz-form [name="${path}"]`);
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(text);
  else if (typeof value === 'boolean') await field.setChecked(value);
  else await field.fill(text);
}

/** Submits the open form; resolves on the cooperation page's success notice, throws the shown problem. */
export async function submitForm(page: Page): Promise<void> {
  await page.locator('[data-submit]').click();
  const success = page.locator('.kern-alert--success');
  const problem = page.locator('#form-problem');
  await success.or(problem).first().waitFor();
  if (await problem.isVisible()) throw new Error(`refused: ${await problem.innerText()}`);
}
