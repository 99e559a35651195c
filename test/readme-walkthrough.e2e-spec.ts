import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Issue 15, point 1: the README's "your first cooperation" runs as printed. Its request bodies are
 * parsed from README.md itself, so the README cannot drift from what the server accepts.
 */
const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
const walkthrough = README.slice(README.indexOf('### Your first cooperation'), README.indexOf('## Configuration'));

const tokens = [...walkthrough.matchAll(/^(\w+)=\$\(token '([^']*)'\)$/gm)].map(([, name, body]) => ({
  name,
  body: JSON.parse(body) as object,
}));
const opening = JSON.parse(/\/cooperations [^\n]*-d '([^']*)'/.exec(walkthrough)![1]) as object;
const sends = [...walkthrough.matchAll(/^send \$(\w+) '([^']*)'$/gm)].map(([, who, body]) => ({
  who,
  body: JSON.parse(body) as { type: string },
}));

describe('README: your first cooperation in ~20 requests, as printed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('parses the walkthrough: two sign-ins, the opening and about twenty events', () => {
    expect(tokens.map((x) => x.name)).toEqual(['HEEK', 'LEGDEN']);
    expect(sends.length).toBeGreaterThanOrEqual(18);
    expect(sends.length + 1).toBeLessThanOrEqual(24);
  });

  it('each request is accepted, without warnings, and the last one puts the contract into force', async () => {
    const bearer: Record<string, string> = {};
    for (const { name, body } of tokens) {
      const res = await t.http.post('/api/v1/dev/token').send(body);
      expect(res.status).toBe(200);
      bearer[name] = `Bearer ${res.body.token}`;
    }
    const opened = await t.http.post('/api/v1/cooperations').set('Authorization', bearer.HEEK).send(opening);
    expect(opened.status).toBe(201);
    let state = '';
    for (const { who, body } of sends) {
      const res = await t.http
        .post(`/api/v1/cooperations/${opened.body.id}/events`)
        .set('Authorization', bearer[who])
        .send(body);
      expect({ type: body.type, status: res.status, warnings: res.body.warnings }).toEqual({
        type: body.type,
        status: 200,
        warnings: undefined,
      });
      state = res.body.cooperation.state;
    }
    expect(state).toBe('active.reporting.onTrack,active.escalation.calm,active.membership.stable');
  });
});
