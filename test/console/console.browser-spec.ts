import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/cooperations/domain';
import {
  buildingYardPrematureEvents,
  buildingYardSteps,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  OPENING,
  type ScenarioStep,
} from '../fixtures/building-yard.scenario';
import { toBody } from '../support/building-yard';
import { PDF } from '../support/evidence-files';
import {
  type ConsoleServer,
  fillForm,
  launchChromium,
  SCREENSHOTS,
  seriousViolations,
  signIn,
  startConsoleServer,
  submitForm,
  userContext,
} from './browser';

const USERS = {
  [COORD_HEEK.sub]: { sub: COORD_HEEK.sub, search: 'Heek', ags: COORD_HEEK.municipality! },
  [COORD_LEGDEN.sub]: { sub: COORD_LEGDEN.sub, search: 'Legden', ags: COORD_LEGDEN.municipality! },
  [COORD_SCHOEPPINGEN.sub]: { sub: COORD_SCHOEPPINGEN.sub, search: 'Schöpp', ags: COORD_SCHOEPPINGEN.municipality! },
};

/**
 * The building yard from opening to `active` through the console only: Heek, Legden and
 * Schöppingen, each in a browser context of their own; premature steps show exactly the unmet
 * obligations; a stale form gets the 412 reload offer; axe-core on every main page.
 */
describe('web console in Chromium', () => {
  let server: ConsoleServer;
  let url: string;
  let browser: Browser;
  const pages = new Map<string, Page>();
  let id = '';
  const axeFindings: Record<string, string[]> = {};

  const devToken = async (body: object) =>
    (await (
      await fetch(`${url}/api/v1/dev/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json()) as { token: string };
  const pageOf = (actor: Actor) => pages.get(actor.sub)!;
  async function shot(page: Page, name: string) {
    axeFindings[name] = await seriousViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
  async function openEvent(page: Page, type: string) {
    await page.goto(`${url}/cooperations/${id}`);
    await page.locator(`[data-event="${type}"]`).click();
    await page.locator('[data-submit]').waitFor();
  }
  async function step(s: ScenarioStep, extra: object = {}) {
    const page = pageOf(s.actor);
    await openEvent(page, s.event.type);
    await fillForm(page, { ...toBody(s.event), ...extra });
    await submitForm(page);
  }
  async function blockers(page: Page, type: string): Promise<string[]> {
    await page.goto(`${url}/cooperations/${id}`);
    await page.locator('[data-next-panel]').waitFor();
    return page
      .locator(`[data-blocked="${type}"] [data-obligation]`)
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-obligation')!));
  }

  beforeAll(async () => {
    server = await startConsoleServer();
    url = server.url;
    browser = await launchChromium();
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
      const context = await userContext(browser);
      const page = await context.newPage();
      // What the browser saw going wrong, for the failure message of a step.
      page.on('pageerror', (error) => process.stdout.write(`[${actor.sub}] page error: ${error.message}\n`));
      page.on('console', (m) => m.type() === 'error' && process.stdout.write(`[${actor.sub}] console: ${m.text()}\n`));
      page.on(
        'response',
        (r) => r.status() >= 400 && process.stdout.write(`[${actor.sub}] ${r.status()} ${r.url()}\n`),
      );
      pages.set(actor.sub, page);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the first page quickly (measured, not asserted)', async () => {
    const page = pageOf(COORD_HEEK);
    await page.goto(`${url}/sign-in`);
    await page.locator('#municipality-search').waitFor();
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation' as never)[0] as unknown as {
        domContentLoadedEventEnd: number;
        loadEventEnd: number;
      };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
        load: Math.round(nav.loadEventEnd),
        firstContentfulPaint: Math.round(fcp?.startTime ?? -1),
      };
    });
    process.stdout.write(`first load of /sign-in on localhost (ms): ${JSON.stringify(timing)}\n`);
    await shot(page, 'sign-in');
    expect(axeFindings['sign-in']).toEqual([]);
  });

  it('three coordinators take the building yard to active through the console', async () => {
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
      await signIn(pageOf(actor), url, USERS[actor.sub]);
    }
    const heek = pageOf(COORD_HEEK);

    await heek.goto(`${url}/cooperations/new`);
    const { title, fieldOfWork, motive, description } = OPENING.input;
    await fillForm(heek, { title, fieldOfWork, motive, description });
    await heek.locator('[data-submit]').click();
    await heek.waitForURL(/\/cooperations\/[0-9a-f-]{36}$/);
    id = heek.url().split('/').pop()!;
    await heek.locator('[data-next-panel]').waitFor();

    const premature = buildingYardPrematureEvents().filter((p) => p.actor.sub === COORD_HEEK.sub);
    const steps = buildingYardSteps();
    const skip = new Set<string>();
    for (const s of steps) {
      if (skip.has(s.name)) continue;
      for (const p of premature.filter((x) => x.before === s.name)) {
        expect({ before: s.name, event: p.event.type, unmet: await blockers(heek, p.event.type) }).toEqual({
          before: s.name,
          event: p.event.type,
          unmet: p.unmet,
        });
      }
      if (s.name === 'accept-legden') {
        // A premature step sent from its form: the same checklist, in the form.
        await heek.goto(`${url}/cooperations/${id}/events/START_LETTER_OF_INTENT`);
        await heek.locator('[data-submit]').click();
        await heek.locator('#form-problem [data-obligation]').first().waitFor();
        expect(
          await heek
            .locator('#form-problem [data-obligation]')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-obligation'))),
        ).toEqual(['OBL-PARTNERS-MIN', 'OBL-CONTACT-AUTHORITY']);
        await shot(heek, 'premature-step');
        // A stale form: Heek fills in the contact while Legden accepts the invitation.
        const appoint = steps.find((x) => x.name === 'appoint-contact-heek')!;
        await openEvent(heek, 'APPOINT_CONTACT');
        await fillForm(heek, toBody(appoint.event));
        await step(s);
        await heek.locator('[data-submit]').click();
        await heek.locator('[data-stale]').waitFor();
        expect(await heek.locator('[data-stale]').innerText()).toContain('coord-legden');
        await shot(heek, 'stale-form');
        await heek.locator('[data-reload]').click();
        await heek.locator(`[data-version-read="${4}"]`).waitFor();
        expect(await heek.locator('form.ikz-form [name="name"]').inputValue()).toBe('Anna Brüning');
        await submitForm(heek);
        skip.add(appoint.name);
        continue;
      }
      if (s.name === 'sign-loi-heek') {
        // Evidence: upload the signed letter of intent, then attach it to the signature.
        await heek.goto(`${url}/cooperations/${id}/documents`);
        await heek
          .locator('#upload-file')
          .setInputFiles({ name: 'absichtserklaerung-heek.pdf', mimeType: 'application/pdf', buffer: PDF });
        await heek.locator('#upload-kind').selectOption('signed-loi');
        await heek.getByRole('button', { name: 'Hochladen' }).click();
        const row = heek.locator('[data-document]').first();
        await row.waitFor();
        expect(await row.innerText()).toContain(createHash('sha256').update(PDF).digest('hex'));
        await shot(heek, 'documents');
        const documentId = await row.getAttribute('data-document');
        await step(s, { documents: [documentId] });
        continue;
      }
      if (s.name === 'draft-contract') {
        await openEvent(heek, 'DRAFT_CONTRACT');
        await shot(heek, 'event-form');
      }
      await step(s);
      if (s.name === 'draft-loi') {
        await heek.goto(`${url}/cooperations/${id}`);
        await heek.locator('.ikz-diagram-figure svg').waitFor();
        await shot(heek, 'cooperation');
      }
    }

    await heek.goto(`${url}/cooperations/${id}`);
    await heek.locator('[data-phase="active"]').waitFor();
    await heek.locator('.ikz-diagram-figure svg').waitFor();
    expect(await heek.locator('[data-authority]').innerText()).toContain('Landrat des Kreises Borken');
    await shot(heek, 'cooperation-active');
    const auditor = (await devToken({ role: 'auditor' })).token;
    const final = (await (
      await fetch(`${url}/api/v1/cooperations/${id}`, { headers: { Authorization: `Bearer ${auditor}` } })
    ).json()) as { state: string; version: number };
    expect(final.state).toBe('active.reporting.onTrack,active.escalation.calm,active.membership.stable');
    expect(final.version).toBe(steps.length + 1);

    await heek.goto(`${url}/`);
    await heek.locator(`[data-cooperation="${id}"]`).waitFor();
    await shot(heek, 'my-cooperations');
    await heek.goto(`${url}/cooperations/${id}/reports`);
    await heek.locator('#reports-title').waitFor();
    await heek.locator('.ikz-loading').waitFor({ state: 'detached' });
    await shot(heek, 'reports');
    // Tablet width: the same page in one column.
    await heek.setViewportSize({ width: 820, height: 1180 });
    await heek.goto(`${url}/cooperations/${id}`);
    await heek.locator('.ikz-diagram-figure svg').waitFor();
    await shot(heek, 'cooperation-tablet');
  });

  it('an expired token sends the user to sign-in and back without losing the input', async () => {
    const page = pageOf(COORD_LEGDEN);
    const expired = await devToken({
      role: 'coordinator',
      municipality: COORD_LEGDEN.municipality,
      sub: COORD_LEGDEN.sub,
      expiresInSeconds: 1,
    });
    await page.goto(`${url}/cooperations/${id}/events/RAISE_CONFLICT`);
    await page.locator('[data-submit]').waitFor();
    await page.locator('form.ikz-form [name="subject"]').fill('Winterdienst-Einsatzplan');
    await page.evaluate(
      (session) =>
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
          'ikz.session',
          JSON.stringify(session),
        ),
      expired,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.locator('[data-submit]').click();
    await page.waitForURL(/\/sign-in/);
    await page.getByText('Ihre Anmeldung ist abgelaufen').waitFor();
    await shot(page, 'sign-in-expired');
    await signIn(page, url, USERS[COORD_LEGDEN.sub]);
    await page.waitForURL(/RAISE_CONFLICT/);
    expect(await page.locator('form.ikz-form [name="subject"]').inputValue()).toBe('Winterdienst-Einsatzplan');
  });

  it('no serious or critical accessibility violations on the main pages (axe-core)', () => {
    expect(Object.keys(axeFindings).sort()).toEqual(
      [
        'cooperation',
        'cooperation-active',
        'cooperation-tablet',
        'documents',
        'event-form',
        'my-cooperations',
        'premature-step',
        'reports',
        'sign-in',
        'sign-in-expired',
        'stale-form',
      ].sort(),
    );
    expect(Object.fromEntries(Object.entries(axeFindings).filter(([, v]) => v.length > 0))).toEqual({});
  });
});
