import { execFileSync } from 'node:child_process';
import type { Actor } from '../src/cooperations/domain';
import { COORD_HEEK, COORD_LEGDEN, HEEK, LOI_DRAFT } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { AUDITOR, createTestApp, type TestApp } from './support/test-app';

/** The text of a PDF as poppler's pdftotext extracts it (poppler-utils; `.ci/run` installs it). */
const pdfText = (pdf: Buffer): string => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();

const COORD_AHAUS: Actor = { sub: 'coord-ahaus', role: 'coordinator', municipality: '05554004' };

/**
 * Issue 17, success tracking and the status report [P6]: `/success` gives each criterion of the
 * letter of intent with the values the reports gave; the PDF for the council carries them and the
 * chain's head hash with the latest signed checkpoint.
 */
describe('success tracking and the status report for the council', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let criteria: Array<{ indicator: string; target: number; unit: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    yard = new BuildingYard(t);
    await yard.runUntil();
    criteria = LOI_DRAFT.successCriteria;
    yard.at(new Date('2027-03-20T08:00:00Z'));
    const values = criteria.map((c, i) => ({ indicator: c.indicator, value: [-3.5, 72, 85][i] }));
    const submitted = await yard.send(COORD_HEEK, {
      type: 'SUBMIT_REPORT',
      period: '2027-Q1',
      narrative: 'Erstes Quartal im Betrieb.',
      values,
    });
    expect(submitted.body).toMatchObject({ cooperation: expect.anything() });
    yard.at(new Date('2027-03-21T08:00:00Z'));
    const ack = await yard.send(COORD_LEGDEN, { type: 'ACKNOWLEDGE_REPORT', period: '2027-Q1', reporter: HEEK.ags });
    expect(ack.body).toMatchObject({ cooperation: expect.anything() });
  });
  afterAll(() => t.close());

  const pdfOf = async (actor: Actor, query: object = {}) =>
    t.http
      .get(`/api/v1/cooperations/${yard.id}/report.pdf`)
      .query(query)
      .set('Authorization', `Bearer ${await yard.token(actor)}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('/success has one series per criterion of the letter of intent with the reported values', async () => {
    const res = await yard.get(COORD_LEGDEN, '/success');
    expect(res.status).toBe(200);
    expect(res.body.series).toEqual(
      criteria.map((c, i) => ({
        indicator: c.indicator,
        unit: c.unit,
        target: c.target,
        baseline: null,
        points: [
          expect.objectContaining({
            period: '2027-Q1',
            periodStart: '2027-01-01',
            reporter: HEEK.ags,
            reporterName: 'Heek',
            value: [-3.5, 72, 85][i],
            submittedBy: COORD_HEEK.sub,
            acknowledged: false,
            acknowledgedBy: ['05554036'],
          }),
        ],
      })),
    );
    expect((await yard.get(COORD_AHAUS, '/success')).status).toBe(404);
  });

  it('the PDF is German by default, English on request, and carries the head hash, the checkpoint and the criteria', async () => {
    const checkpoint = await t.http
      .post('/api/v1/audit/checkpoints')
      .set('Authorization', `Bearer ${await yard.token(AUDITOR)}`)
      .send();
    expect(checkpoint.status).toBe(201);
    const history = await yard.get(AUDITOR, '/history', { query: { limit: 100 } });
    const head = history.body.items[history.body.items.length - 1] as { hash: string; sequence: number };

    const res = await pdfOf(COORD_HEEK);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Sachstandsbericht');
    expect(text).toContain(head.hash);
    expect(text).toContain(checkpoint.body.id);
    expect(text).toContain(checkpoint.body.rootHash);
    const flowing = text.replace(/\s+/g, ' ');
    for (const c of criteria) expect(flowing).toContain(c.indicator);
    expect(text).toContain('OBL-CONTRACT-SIGNED-ALL');
    expect(flowing).toContain('Ansprechstelle: Fachbereichsleiterin Bauen, Planen, Umwelt');
    expect(flowing).toContain('2027-Q1 · Heek (05554024) · Wert -3,5');
    // Offices, not people: the contact's name is personal data.
    expect(text).not.toContain('Anna Brüning');

    const english = await pdfOf(COORD_HEEK, { lang: 'en' });
    expect(english.headers['content-language']).toBe('en');
    const englishText = pdfText(english.body as Buffer);
    expect(englishText).toContain('Status report');
    expect(englishText).toContain(head.hash);
    expect((await pdfOf(COORD_AHAUS)).status).toBe(404);
  });
});
