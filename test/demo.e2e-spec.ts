import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runDemo } from '../scripts/demo';
import { createTestApp, type TestApp } from './support/test-app';

/** Issue 15, point 1: `npm run demo` fills a running server over its public API, and a second run adds nothing. */
describe('npm run demo against a running server', () => {
  let t: TestApp;
  let base = '';
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('--help prints the usage and the --url option', () => {
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/demo.ts', '--help'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^npm run demo \[-- --url <server>\]/);
    expect(run.stdout).toContain('default http://localhost:3000');
  });

  it('creates cooperations in every phase, prints the sign-ins, and a second run says they are there', async () => {
    const lines: string[] = [];
    const first = await runDemo(base, (l) => lines.push(l));
    const states = Object.fromEntries(first.cooperations.map((c) => [c.title, c.state]));
    expect(first.cooperations.every((c) => c.created)).toBe(true);
    expect(Object.values(states)).toEqual([
      'partnerSearch',
      'letterOfIntent',
      'contract',
      'active.reporting.onTrack,active.escalation.casesOpen,active.membership.stable',
      'active.reporting.onTrack,active.escalation.calm,active.membership.exitPending',
      'dissolved',
    ]);
    expect(first.signIns.length).toBeGreaterThan(3);

    // What the printed sign-ins promise is there: Heek's report is due, Legden's board may decide the case.
    const heek = first.signIns.find((s) => s.role === 'coordinator' && s.name === 'Heek')!;
    const token = (await t.http.post('/api/v1/dev/token').send({ role: heek.role, municipality: heek.municipality }))
      .body.token as string;
    const inbox = await t.http.get('/api/v1/me/inbox').set('Authorization', `Bearer ${token}`);
    expect(inbox.body.items.map((i: { kind: string }) => i.kind)).toContain('report');

    const second = await runDemo(base, (l) => lines.push(l));
    expect(second.cooperations.map((c) => [c.id, c.created])).toEqual(first.cooperations.map((c) => [c.id, false]));
    expect(lines.filter((l) => l.includes('schon vorhanden / already there'))).toHaveLength(6);
  });
});
