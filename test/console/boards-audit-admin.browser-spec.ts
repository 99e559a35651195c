import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { caseIdFor } from '../../src/cooperations/domain';
import { type HistoryEntry, verifyChain } from '../../src/history';
import {
  buildingYardSteps,
  COORD_HEEK,
  COORD_LEGDEN,
  HEEK,
  LEGDEN,
  OPENING,
  type ScenarioStep,
} from '../fixtures/building-yard.scenario';
import { BOARD_AHAUS, BOARD_HEEK } from '../fixtures/operation-phase.scenario';
import { BuildingYard } from '../support/building-yard';
import { startWebhookReceiver } from '../support/notification-receivers';
import {
  type ConsoleServer,
  launchChromium,
  SCREENSHOTS,
  seriousViolations,
  signIn,
  startConsoleServer,
  userContext,
} from './browser';

/** The server's clock while the browser decides: three weeks after the cases were raised. */
const DECISION_TIME = new Date('2026-09-20T08:00:00Z');

/**
 * The console's pages for steering boards, auditors and admins (issue 14) and the notifications
 * (issue 16): each test sets up a cooperation of its own through the API and then works only in
 * the browser; axe-core runs on every page shown.
 */
describe('console part 2 in Chromium: boards, auditors, admins', () => {
  let server: ConsoleServer;
  let browser: Browser;
  const axeFindings: Record<string, string[]> = {};

  async function shot(page: Page, name: string) {
    axeFindings[name] = await seriousViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }
  async function newPage(who: string): Promise<Page> {
    const page = await (await userContext(browser)).newPage();
    page.on('pageerror', (error) => process.stdout.write(`[${who}] page error: ${error.message}\n`));
    page.on('console', (m) => m.type() === 'error' && process.stdout.write(`[${who}] console: ${m.text()}\n`));
    return page;
  }
  /** The page's title is there and nothing is loading any more. */
  async function settled(page: Page) {
    await page.locator('#page-title').waitFor();
    await page.locator('.ikz-loading').first().waitFor({ state: 'detached' });
  }
  async function activeYard(scenario?: ConstructorParameters<typeof BuildingYard>[1]): Promise<BuildingYard> {
    const yard = new BuildingYard(server, scenario);
    await yard.runUntil();
    return yard;
  }
  async function raise(yard: BuildingYard, at: string, subject: string) {
    yard.at(new Date(at));
    const res = await yard.send(COORD_HEEK, {
      type: 'RAISE_CONFLICT',
      subject,
      description: 'Uneinigkeit über die Verteilung der Winterdiensteinsätze.',
      parties: [HEEK.ags, LEGDEN.ags],
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a board member of a member municipality resolves, escalates and fails cases and sees their timelines', async () => {
    const yard = await activeYard();
    await raise(yard, '2026-08-18T08:00:00Z', 'Einsatzplan Winterdienst'); // deadline 15 Sep: overdue
    await raise(yard, '2026-09-01T08:00:00Z', 'Kostenverteilung Streusalz');
    yard.at(DECISION_TIME);
    const [overdue, second] = [caseIdFor(yard.id, 1), caseIdFor(yard.id, 2)];

    const page = await newPage(BOARD_HEEK.sub);
    await signIn(page, server.url, { role: 'steering-board', sub: BOARD_HEEK.sub, search: 'Heek', ags: HEEK.ags });
    await page.goto(`${server.url}/escalations`);
    await page.locator(`[data-case="${second}"]`).waitFor();
    // Oldest deadline first; the passed one is marked in words; the board member may act on both.
    const rows = page.locator('[data-case]');
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-case')))).toEqual([overdue, second]);
    expect(await rows.first().getAttribute('data-overdue')).toBe('true');
    expect(await rows.first().innerText()).toContain('Frist überschritten');
    expect(await rows.nth(1).getAttribute('data-overdue')).toBe('false');
    expect(await page.locator('[data-may-act="true"]').count()).toBe(2);
    expect(await rows.first().innerText()).toContain('Stufe 1: Lenkungsausschuss');
    await shot(page, 'escalation-queue');

    /** Chooses a decision, reads the confirmation, confirms; returns what the confirmation said. */
    const decide = async (choice: string, text: string, done: string) => {
      await page.locator(`#decision-${choice}`).check();
      await page.locator('#decision-text').fill(text);
      await page.locator('[data-review]').click();
      const consequence = await page.locator('[data-consequence] p').first().innerText();
      if (choice === 'ESCALATE_CASE') await shot(page, 'escalation-confirm');
      await page.locator('[data-confirm]').click();
      await page.locator(done).waitFor();
      return consequence;
    };

    // Resolve the overdue case.
    await page.locator(`[data-case="${overdue}"] a`).click();
    await page.locator('[data-decision-panel]').waitFor();
    await shot(page, 'escalation-case');
    expect(await decide('RESOLVE_CASE', 'Einsatzplan nach Straßenkilometern.', '[data-case-status="resolved"]')).toBe(
      'Fall 1 wird mit Ihrer Entscheidung auf „Stufe 1: Lenkungsausschuss“ abgeschlossen (gelöst). Die Partner und das Gremium werden benachrichtigt.',
    );
    expect(await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(
      ['raised', 'resolved'],
    );
    expect(await page.locator('[data-case-decision]').innerText()).toContain('Einsatzplan nach Straßenkilometern.');

    // Escalate the second case twice, then declare the procedure failed at the last level.
    await page.goto(`${server.url}/escalations/${second}`);
    await page.locator('[data-decision-panel]').waitFor();
    expect(await decide('ESCALATE_CASE', 'Keine Einigung im Ausschuss.', '[data-case-level="2"]')).toContain(
      'an Stufe 2: Bürgermeisterrunde (Bürgermeisterinnen und Bürgermeister von Heek, Legden und Schöppingen)',
    );
    await decide('ESCALATE_CASE', 'Keine Einigung der Bürgermeister.', '[data-case-level="3"]');
    expect(await page.locator('#decision-ESCALATE_CASE').count()).toBe(0); // the last level
    expect(await decide('DECLARE_CASE_FAILED', 'Vermittlung ohne Ergebnis.', '[data-case-status="failed"]')).toContain(
      'wird auf der letzten Stufe für gescheitert erklärt',
    );
    expect(await page.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual(
      ['raised', 'escalated', 'escalated', 'declared-failed'],
    );
    expect(await page.locator('[data-steps]').innerText()).toContain('Vermittlung ohne Ergebnis.');
    await shot(page, 'escalation-timeline');

    // What the browser decided is what the API records.
    const auditor = await server.token({ sub: 'rpa-auditor', role: 'auditor' });
    const decided = await server.http.get(`/api/v1/escalations/${second}`).set('Authorization', `Bearer ${auditor}`);
    expect(decided.body).toMatchObject({ status: 'failed', level: 3 });
    await page.goto(`${server.url}/escalations`);
    await settled(page);
    for (const decidedCase of [overdue, second]) {
      expect(await page.locator(`[data-case="${decidedCase}"]`).count()).toBe(0);
    }
  });

  it('a board member of another municipality sees an empty queue', async () => {
    const yard = await activeYard();
    await raise(yard, '2026-09-01T08:00:00Z', 'Streit um den Standort');
    yard.at(DECISION_TIME);
    const page = await newPage(BOARD_AHAUS.sub);
    await signIn(page, server.url, {
      role: 'steering-board',
      sub: BOARD_AHAUS.sub,
      search: 'Ahaus',
      ags: BOARD_AHAUS.municipality!,
    });
    await page.goto(`${server.url}/escalations`);
    await settled(page);
    await page.locator('.ikz-empty').waitFor();
    expect(await page.locator('[data-case]').count()).toBe(0);
    await shot(page, 'escalation-queue-empty');
    // Not even the case page itself.
    await page.goto(`${server.url}/escalations/${caseIdFor(yard.id, 1)}`);
    await page.locator('[role="alert"]').waitFor();
    expect(await page.locator('#page-title').count()).toBe(0);
  });

  it('an auditor sees a valid chain; after a payload is altered both verifications say where it broke; exports are complete', async () => {
    const yard = await activeYard();
    const page = await newPage('auditor');
    await signIn(page, server.url, { role: 'auditor', sub: 'rpa-auditor' });
    const entries = buildingYardSteps().length + 1;

    await page.goto(`${server.url}/audit?cooperation=${yard.id}`);
    await page.locator('[data-feed-entry]').first().waitFor();
    expect(await page.locator('[data-feed-entry]').count()).toBe(entries);
    await shot(page, 'audit-feed');

    const chainState = async () => {
      await page.locator('[data-agree]').waitFor();
      const read = async (source: string) => {
        const badge = page.locator(`[data-chain="${source}"]`);
        return {
          state: await badge.getAttribute('data-chain-state'),
          brokenAt: await badge.getAttribute('data-broken-at'),
          text: await badge.locator('[data-chain-text]').innerText(),
        };
      };
      return {
        server: await read('server'),
        browser: await read('browser'),
        agree: await page.locator('[data-agree]').getAttribute('data-agree'),
      };
    };
    await page.goto(`${server.url}/audit/cooperations/${yard.id}`);
    const valid = await chainState();
    const verified = await server.http
      .get(`/api/v1/cooperations/${yard.id}/history/verify`)
      .set('Authorization', `Bearer ${await server.token({ sub: 'rpa-auditor', role: 'auditor' })}`);
    const head = `${(verified.body as { headHash: string }).headHash.slice(0, 12)}…`;
    expect(valid).toEqual({
      server: { state: 'valid', brokenAt: null, text: `gültig, ${entries} Einträge, Kopf ${head}` },
      browser: { state: 'valid', brokenAt: null, text: `gültig, ${entries} Einträge, Kopf ${head}` },
      agree: 'true',
    });
    expect(await page.locator('[data-sequence]').count()).toBe(entries);
    await shot(page, 'audit-history');

    // The NDJSON export: every entry of the chain, and it verifies to the same head.
    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="ndjson"]').click()]);
    const lines = (await readFile(await ndjson.path(), 'utf8')).split('\n').filter((l) => l.trim());
    const exported = lines.map((l) => JSON.parse(l) as HistoryEntry);
    expect(exported.map((e) => e.sequence)).toEqual(Array.from({ length: entries }, (_, i) => i + 1));
    expect(verifyChain(exported)).toEqual({ valid: true, entries, headHash: verified.body.headHash });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
    const table = await readFile(await csv.path(), 'utf8');
    for (const e of exported) expect(table).toContain(e.hash);

    // Checkpoints: sign one, verify it.
    await page.goto(`${server.url}/audit/checkpoints`);
    await settled(page);
    await page.locator('[data-create-checkpoint]').click();
    await page.locator('[data-verify-checkpoint]').first().waitFor();
    await page.locator('[data-verify-checkpoint]').last().click();
    await page.locator('[data-checkpoint-valid]').waitFor();
    expect(await page.locator('[data-checkpoint-valid]').getAttribute('data-checkpoint-valid')).toBe('true');
    await shot(page, 'audit-checkpoints');

    // Someone with database rights alters one payload in place.
    const tampered = 7;
    await server.dataSource.query(`ALTER TABLE cooperation_history DISABLE TRIGGER cooperation_history_append_only`);
    try {
      await server.dataSource.query(
        `UPDATE cooperation_history SET payload = jsonb_set(payload, '{note}', '"nachträglich geändert"')
          WHERE cooperation_id = $1 AND sequence = $2`,
        [yard.id, tampered],
      );
    } finally {
      await server.dataSource.query(`ALTER TABLE cooperation_history ENABLE TRIGGER cooperation_history_append_only`);
    }
    await page.goto(`${server.url}/audit/cooperations/${yard.id}`);
    const broken = `gebrochen bei #${tampered}: der Hashwert passt nicht zum Inhalt des Eintrags`;
    expect(await chainState()).toEqual({
      server: { state: 'broken', brokenAt: String(tampered), text: broken },
      browser: { state: 'broken', brokenAt: String(tampered), text: broken },
      agree: 'true',
    });
    expect(await page.locator('[data-broken-entry]').count()).toBe(1);
    expect(await page.locator(`[data-sequence="${tampered}"] [data-broken-entry]`).count()).toBe(1);
    await shot(page, 'audit-history-broken');
  });

  it('an admin registers a public body and erases a person, whose name is then on no page', async () => {
    const name = 'Wilhelmine Vortkamp-Brüning';
    const email = 'w.vortkamp@heek.example';
    const renamed = {
      opening: OPENING,
      steps: () =>
        (
          JSON.parse(
            JSON.stringify(buildingYardSteps())
              .replaceAll('Anna Brüning', name)
              .replaceAll('coord-heek@example.org', email),
          ) as Array<ScenarioStep & { at: string }>
        ).map((s) => ({ ...s, at: new Date(s.at) })),
    };
    const yard = await activeYard(renamed);
    const page = await newPage('admin');
    await signIn(page, server.url, { role: 'admin', sub: 'admin-it-nrw' });

    // The registry: add a body, find it.
    await page.goto(`${server.url}/admin`);
    await settled(page);
    await page.locator('#body-ags').fill('05999014');
    await page.locator('#body-name').fill('Landschaftsverband Westfalen-Lippe');
    await page.locator('#body-kind').selectOption('Landschaftsverband');
    await page.locator('#body-region').fill('Münster');
    await page.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.locator('[data-added]').waitFor();
    expect(await page.locator('[data-added]').innerText()).toBe(
      'Eingetragen: Landschaftsverband Westfalen-Lippe (05999014)',
    );
    await page.locator('[data-body="05999014"]').waitFor();
    await shot(page, 'admin-registry');

    // The person, from the cooperation's page; erasure with its reason, after a confirmation.
    await page.goto(`${server.url}/cooperations/${yard.id}`);
    await page.locator(`[data-member="${HEEK.ags}"]`).waitFor();
    expect(await page.locator(`[data-member="${HEEK.ags}"]`).innerText()).toContain(name);
    await page.locator(`[data-member="${HEEK.ags}"] [data-erase-link]`).click();
    await page.locator('#erase-reason').fill('Antrag auf Löschung nach Art. 17 DSGVO vom 18.09.2026');
    await page.locator('[data-review]').click();
    await page.locator('[data-confirm]').waitFor();
    await shot(page, 'admin-erasure');
    const record = page.url();
    await page.locator('[data-confirm]').click();
    await page.locator('[data-erased]').waitFor();
    expect(await page.locator('[data-erased]').innerText()).toContain(
      'Antrag auf Löschung nach Art. 17 DSGVO vom 18.09.2026',
    );

    const pages = [
      record,
      `/cooperations/${yard.id}`,
      `/cooperations/${yard.id}/documents`,
      `/cooperations/${yard.id}/reports`,
      `/audit/cooperations/${yard.id}`,
      `/audit?cooperation=${yard.id}`,
      `/`,
      `/admin`,
      `/notifications`,
    ];
    const seen: Record<string, boolean> = {};
    for (const path of pages) {
      await page.goto(path.startsWith('http') ? path : `${server.url}${path}`);
      await settled(page);
      if (path.startsWith('/audit/cooperations')) await page.locator('[data-agree]').waitFor();
      const html = await page.content();
      seen[path] = html.includes(name) || html.includes('Vortkamp') || html.includes(email);
    }
    expect(seen).toEqual(Object.fromEntries(pages.map((p) => [p, false])));
    // The erased contact still counts as appointed: its card says so without the name.
    await page.goto(`${server.url}/cooperations/${yard.id}`);
    expect(await page.locator(`[data-member="${HEEK.ags}"]`).innerText()).toContain('[gelöscht]');
    await shot(page, 'admin-erased');
  });

  it("a coordinator sees the municipality's delivery log", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const token = await server.token({ sub: COORD_LEGDEN.sub, role: 'coordinator', municipality: LEGDEN.ags });
      const subscription = await server.http
        .post('/api/v1/webhook-subscriptions')
        .set('Authorization', `Bearer ${token}`)
        .send({ url: receiver.url });
      expect(subscription.status).toBe(201);
      receiver.useSecret(subscription.body.secret);
      const yard = await activeYard();
      // The dispatcher delivers in the background; the page shows the log as it is when loaded.
      for (let waited = 0; receiver.events.size === 0 && waited < 60_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(receiver.events.size).toBeGreaterThan(0);
      const page = await newPage(COORD_LEGDEN.sub);
      await signIn(page, server.url, { sub: COORD_LEGDEN.sub, search: 'Legden', ags: LEGDEN.ags });
      await page.goto(`${server.url}/notifications`);
      await page.locator('[data-delivery]').first().waitFor();
      const log = await page.locator('#log-title + * [data-delivery]').allInnerTexts();
      expect(log.length).toBeGreaterThan(0);
      // Webhook deliveries name their subscription.
      expect(log.every((row) => row.includes(subscription.body.id) && row.includes('Webhook'))).toBe(true);
      expect(yard.id).toBeTruthy();
      await shot(page, 'notifications');
    } finally {
      await receiver.close();
    }
  });

  it('no serious or critical accessibility violations on the new pages (axe-core)', () => {
    expect(Object.keys(axeFindings).sort()).toEqual(
      [
        'admin-erased',
        'admin-erasure',
        'admin-registry',
        'audit-checkpoints',
        'audit-feed',
        'audit-history',
        'audit-history-broken',
        'escalation-case',
        'escalation-confirm',
        'escalation-queue',
        'escalation-queue-empty',
        'escalation-timeline',
        'notifications',
      ].sort(),
    );
    expect(Object.fromEntries(Object.entries(axeFindings).filter(([, v]) => v.length > 0))).toEqual({});
  });
});
