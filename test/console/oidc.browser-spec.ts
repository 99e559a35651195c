import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OPENING } from '../fixtures/building-yard.scenario';
import {
  API_AUDIENCE,
  CONSOLE_CLIENT,
  OIDC_CLAIM_SETTINGS,
  startOidcProvider,
  type OidcProvider,
} from '../support/oidc-provider';
import {
  type ConsoleServer,
  fillForm,
  launchChromium,
  SCREENSHOTS,
  seriousViolations,
  startConsoleServer,
  userContext,
} from './browser';

const ANNA = 'anna.koordinatorin@heek.de';
/** Short enough to wait for in a test, long enough for a page to load with one token. */
const ACCESS_TOKEN_SECONDS = 8;

interface StoredSession {
  token: string;
  refreshToken?: string;
  expiresAt: string;
}

/**
 * The console's sign-in for production: the authorization code flow with PKCE through a real
 * OpenID provider (oidc-provider, started here) in Chromium; the role and municipality the API maps
 * from the provider's claims; an expired access token refreshed without leaving the page, a
 * refused refresh answered by signing in again and coming back with the input kept; sign-out at the
 * provider. The development sign-in is not offered.
 */
describe('console sign-in with OpenID Connect in Chromium', () => {
  let idp: OidcProvider;
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  const axeFindings: Record<string, string[]> = {};

  const session = () =>
    page.evaluate(() => {
      const raw = (
        globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }
      ).sessionStorage.getItem('ikz.session');
      return raw ? (JSON.parse(raw) as StoredSession) : null;
    });
  const untilExpired = async () => {
    const left = Date.parse((await session())!.expiresAt) - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, left) + 500));
  };
  async function shot(name: string) {
    axeFindings[name] = await seriousViolations(page);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    let consoleUrl!: (url: string) => void;
    idp = await startOidcProvider({
      consoleUrl: new Promise<string>((resolve) => (consoleUrl = resolve)),
      accessTokenSeconds: ACCESS_TOKEN_SECONDS,
    });
    server = await startConsoleServer({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CONSOLE_CLIENT,
      JWT_AUDIENCE: API_AUDIENCE,
      ...OIDC_CLAIM_SETTINGS,
    });
    consoleUrl(server.url);
    browser = await launchChromium();
    page = await (await userContext(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  it('signs in through the provider and lands where it started, with the role and municipality of the claims', async () => {
    await page.goto(`${server.url}/cooperations/new`);
    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.locator('[data-oidc-sign-in]').waitFor();
    expect(await page.locator('#role-coordinator').count()).toBe(0);
    await shot('sign-in-oidc');

    await page.locator('[data-oidc-sign-in]').click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/interaction/`));
    await page.getByLabel('Benutzername').fill(ANNA);
    await page.getByRole('button', { name: 'Weiter' }).click();

    await page.waitForURL(`${server.url}/cooperations/new`);
    const header = page.locator(`[data-signed-in="${ANNA}"]`);
    await header.waitFor();
    expect(await header.innerText()).toBe(`Angemeldet als ${ANNA} (Koordination, Heek)`);
    // The coordinator's navigation, from the role the API mapped from the `groups` claim.
    await page.getByRole('link', { name: 'Kooperation eröffnen' }).waitFor();
    expect((await session())!.refreshToken).toBeTruthy();
  });

  it('refreshes an expired access token without leaving the page', async () => {
    await page.locator('form.ikz-form [name="title"]').waitFor();
    const { title, fieldOfWork, motive, description } = OPENING.input;
    await fillForm(page, { title, fieldOfWork, motive, description });
    const before = (await session())!;
    await untilExpired();
    await page.locator('[data-submit]').click();

    await page.waitForURL(/\/cooperations\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: title }).waitFor();
    const after = (await session())!;
    expect(after.token).not.toBe(before.token);
    expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    expect(await page.locator(`[data-signed-in="${ANNA}"]`).count()).toBe(1);
  });

  it('signs in again when the provider refuses the refresh, and comes back with the input kept', async () => {
    await page.goto(`${server.url}/cooperations/new`);
    await page.locator('form.ikz-form [name="title"]').fill('Gemeinsame Vergabestelle');
    // The provider revokes the refresh token (and with it the grant), as an administrator would.
    const revoked = await fetch(`${idp.issuer}/token/revocation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: (await session())!.refreshToken!, client_id: CONSOLE_CLIENT }),
    });
    expect(revoked.status).toBe(200);
    await untilExpired();
    await page.locator('[data-submit]').click();

    await page.waitForURL(/\/sign-in\?returnTo=/);
    await page.getByText('Ihre Anmeldung ist abgelaufen').waitFor();
    await page.locator('[data-oidc-sign-in]').waitFor();
    await shot('sign-in-oidc-expired');
    // The provider's own session still holds: no credentials asked, straight back.
    await page.locator('[data-oidc-sign-in]').click();
    await page.waitForURL(`${server.url}/cooperations/new`);
    await page.locator(`[data-signed-in="${ANNA}"]`).waitFor();
    expect(await page.locator('form.ikz-form [name="title"]').inputValue()).toBe('Gemeinsame Vergabestelle');
  });

  it('signs out at the provider and back on the sign-in page', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/session/end`));
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${server.url}/sign-in?signedOut=1`);
    await page.getByText('Sie sind abgemeldet.').waitFor();
    expect(await session()).toBeNull();
    await shot('sign-in-oidc-signed-out');
    // Signed out there too: the provider asks for the credentials again.
    await page.locator('[data-oidc-sign-in]').click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.issuer}/interaction/`));
    await page.getByLabel('Benutzername').waitFor();
  });

  it('has no development sign-in', async () => {
    const res = await fetch(`${server.url}/api/v1/dev/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(res.status).toBe(404);
  });

  it('no serious or critical accessibility violations on the sign-in states (axe-core)', () => {
    expect(Object.keys(axeFindings).sort()).toEqual(
      ['sign-in-oidc', 'sign-in-oidc-expired', 'sign-in-oidc-signed-out'].sort(),
    );
    expect(Object.fromEntries(Object.entries(axeFindings).filter(([, v]) => v.length > 0))).toEqual({});
  });
});

/** A provider without RP-initiated logout: the console signs out by itself and revokes the refresh token. */
describe('console sign-out at a provider without end_session_endpoint', () => {
  let idp: OidcProvider;
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    let consoleUrl!: (url: string) => void;
    idp = await startOidcProvider({
      consoleUrl: new Promise<string>((resolve) => (consoleUrl = resolve)),
      logout: false,
    });
    server = await startConsoleServer({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: CONSOLE_CLIENT,
      JWT_AUDIENCE: API_AUDIENCE,
      ...OIDC_CLAIM_SETTINGS,
    });
    consoleUrl(server.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  it('signs out locally and revokes the refresh token at the provider', async () => {
    const page = await (await userContext(browser)).newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.locator('[data-oidc-sign-in]').click();
    await page.getByLabel('Benutzername').fill('clara.pruefung@gpa.nrw.de');
    await page.getByRole('button', { name: 'Weiter' }).click();
    await page.locator('[data-signed-in="clara.pruefung@gpa.nrw.de"]').waitFor();
    const { refreshToken } = (await page.evaluate(() =>
      JSON.parse(
        (globalThis as unknown as { sessionStorage: { getItem(k: string): string } }).sessionStorage.getItem(
          'ikz.session',
        ),
      ),
    )) as StoredSession;

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.waitForURL(`${server.url}/sign-in?signedOut=1`);
    await page.getByText('Sie sind abgemeldet.').waitFor();
    const refresh = await fetch(`${idp.issuer}/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: refreshToken!,
        client_id: CONSOLE_CLIENT,
      }),
    });
    expect(refresh.status).toBe(400);
    expect(((await refresh.json()) as { error: string }).error).toBe('invalid_grant');
  });
});
