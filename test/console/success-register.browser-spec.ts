import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Browser } from 'playwright-core';
import { issueDevelopmentToken } from '../../src/auth/token-issuer';
import { COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN, HEEK, LOI_DRAFT } from '../fixtures/building-yard.scenario';
import { BuildingYard } from '../support/building-yard';
import { AUDITOR, TEST_JWT_SECRET, type TestApp } from '../support/test-app';
import {
  type ConsoleServer,
  launchChromium,
  seriousViolations,
  signIn,
  startConsoleServer,
  userContext,
} from './browser';

const VALUES = [-3.5, 72, 85];

/**
 * Issue 17 in the console: the success page shows a chart per criterion with the reported values in
 * the table beside it; its button produces the status report, whose text (pdftotext) carries the
 * chain's head hash and the criteria; the public register shows a published cooperation to a
 * visitor who is not signed in, with the consented contact only.
 */
describe('success tracking, status report and public register in Chromium', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let yard: BuildingYard;

  beforeAll(async () => {
    server = await startConsoleServer();
    const t: TestApp = {
      app: server.app,
      http: request(server.app.getHttpServer()),
      dataSource: server.app.get(DataSource),
      token: (principal, options) => issueDevelopmentToken(principal, TEST_JWT_SECRET, options),
      close: () => server.close(),
    };
    yard = new BuildingYard(t);
    await yard.runUntil();
    yard.at(new Date('2027-03-20T08:00:00Z'));
    const values = LOI_DRAFT.successCriteria.map((c, i) => ({ indicator: c.indicator, value: VALUES[i] }));
    const report = { type: 'SUBMIT_REPORT', period: '2027-Q1', narrative: 'Erstes Quartal.', values };
    expect((await yard.send(COORD_HEEK, report)).status).toBe(200);
    expect((await yard.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1' })).status).toBe(200);
    for (const actor of [COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN]) {
      expect((await yard.send(actor, { type: 'AGREE_TO_PUBLICATION' })).status).toBe(200);
    }
    expect((await yard.send(COORD_HEEK, { type: 'CONSENT_TO_CONTACT_PUBLICATION' })).status).toBe(200);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the success chart and its table show the reported values, and the PDF carries the head hash', async () => {
    const context = await userContext(browser);
    const page = await context.newPage();
    await signIn(page, server.url, { sub: COORD_HEEK.sub, search: 'Heek', ags: HEEK.ags });
    await page.goto(`${server.url}/cooperations/${yard.id}/success`);
    for (const [i, c] of LOI_DRAFT.successCriteria.entries()) {
      const table = page.locator(`table[data-criterion="${c.indicator}"]`);
      await table.waitFor();
      expect(await table.locator('tbody tr').allInnerTexts()).toEqual([
        `2027-Q1\tHeek\t${VALUES[i].toLocaleString('de-DE')}\toffen`,
      ]);
      const chart = page.locator(`svg[data-indicator="${c.indicator}"]`);
      expect(await chart.getAttribute('aria-label')).toContain(`Zielwert ${c.target.toLocaleString('de-DE')}`);
      expect(await chart.locator('circle').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).toEqual([
        String(VALUES[i]),
      ]);
      expect(await chart.locator('line[data-target]').getAttribute('data-target')).toBe(String(c.target));
    }
    expect(await seriousViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Sachstandsbericht (PDF)' }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    const history = await yard.get(AUDITOR, '/history', { query: { limit: 100 } });
    const head = history.body.items[history.body.items.length - 1] as { hash: string };
    expect(text).toContain(head.hash);
    const flowing = text.replace(/\s+/g, ' ');
    for (const c of LOI_DRAFT.successCriteria) expect(flowing).toContain(c.indicator);
    await context.close();
  });

  it('the public register shows the published cooperation without sign-in, with the consented contact only', async () => {
    const context = await userContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/register`);
    const table = page.locator('table[data-testid="register"]');
    await table.waitFor();
    const row = (await table.locator('tbody tr').allInnerTexts()).join('\n');
    expect(row).toContain('Gemeinsamer Bauhof Heek – Legden – Schöppingen');
    expect(row).toContain('Anna Brüning');
    expect(row).not.toContain('Thomas Wewers');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
