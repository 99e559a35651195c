import { createHash, randomUUID } from 'node:crypto';
import { COORD_HEEK, COORD_LEGDEN } from './fixtures/building-yard.scenario';
import { BuildingYard, stepNamed, toBody } from './support/building-yard';
import { binary, DOCX, EXE, HTML, JPEG, ODS, ODT, PDF, PLAIN_ZIP, PNG } from './support/evidence-files';
import { ADMIN, AUDITOR, coordinatorOf, createTestApp, type TestApp } from './support/test-app';
import type { Principal } from '../src/auth/principal';

const MAX_BYTES = 64 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const KOELN = coordinatorOf('05315000');

describe('evidence documents', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let other: BuildingYard;

  beforeAll(async () => {
    t = await createTestApp({ DOCUMENT_MAX_BYTES: String(MAX_BYTES) });
    yard = new BuildingYard(t);
    await yard.runUntil('sign-loi-heek');
    other = new BuildingYard(t);
    await other.open();
  });
  afterAll(() => t.close());

  const upload = async (
    who: Principal | typeof COORD_HEEK,
    content: Buffer,
    options: { id?: string; fileName?: string; contentType?: string; kind?: string; description?: string } = {},
  ) => {
    let req = t.http
      .post(`/api/v1/cooperations/${options.id ?? yard.id}/documents`)
      .set('Authorization', `Bearer ${await yard.token(who)}`)
      .attach('file', content, {
        filename: options.fileName ?? 'beleg.bin',
        contentType: options.contentType ?? 'application/octet-stream',
      });
    if (options.kind) req = req.field('kind', options.kind);
    if (options.description) req = req.field('description', options.description);
    return req;
  };

  it.each([
    ['PDF', PDF, 'application/pdf', 'loi.pdf'],
    ['PNG', PNG, 'image/png', 'scan.png'],
    ['JPEG', JPEG, 'image/jpeg', 'foto.jpg'],
    ['ODT', ODT, 'application/vnd.oasis.opendocument.text', 'vertrag.odt'],
    ['DOCX', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'vertrag.docx'],
  ])(
    'stores a %s with its sniffed type, size and SHA-256, and gives it back byte for byte',
    async (_n, content, type, name) => {
      const res = await upload(COORD_HEEK, content, { fileName: name, kind: 'contract', description: 'Beleg' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        cooperationId: yard.id,
        kind: 'contract',
        description: 'Beleg',
        fileName: name,
        mediaType: type,
        sizeBytes: content.length,
        sha256: sha256(content),
        uploadedBy: { sub: COORD_HEEK.sub, role: 'coordinator', municipality: COORD_HEEK.municipality },
      });
      expect(res.headers.location).toBe(`/api/v1/cooperations/${yard.id}/documents/${res.body.id}`);
      const download = await t.http
        .get(`/api/v1/cooperations/${yard.id}/documents/${res.body.id}`)
        .set('Authorization', `Bearer ${await yard.token(AUDITOR)}`)
        .buffer(true)
        .parse(binary);
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe(type);
      expect(download.headers['content-disposition']).toMatch(/^attachment/);
      expect(download.headers['x-content-sha256']).toBe(sha256(content));
      expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
    },
  );

  it('trusts the content, not the name or Content-Type: a PNG sent as application/pdf named .pdf is stored as PNG', async () => {
    const res = await upload(COORD_HEEK, PNG, { fileName: 'beschluss.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body.mediaType).toBe('image/png');
  });

  it.each([
    ['an EXE', EXE, 'application/pdf'],
    ['HTML', HTML, 'application/pdf'],
    ['a ZIP that is no ODT or DOCX', PLAIN_ZIP, 'application/vnd.oasis.opendocument.text'],
    ['an ODF spreadsheet', ODS, 'application/vnd.oasis.opendocument.text'],
    ['an empty file', Buffer.alloc(0), 'application/pdf'],
  ])('refuses %s with 415 and stores nothing', async (_n, content, contentType) => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM cooperation_documents`);
    const res = await upload(COORD_HEEK, content, { fileName: 'beleg.pdf', contentType });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM cooperation_documents`)).toEqual(before);
  });

  it('refuses a file above DOCUMENT_MAX_BYTES with 413', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]);
    const res = await upload(COORD_HEEK, big, { fileName: 'gross.pdf' });
    expect(res.status).toBe(413);
    expect(res.body.type).toBe('/problems/payload-too-large');
  });

  it('refuses a JSON body, a missing file part, an unknown kind and unknown fields', async () => {
    const token = `Bearer ${await yard.token(COORD_HEEK)}`;
    const json = await t.http
      .post(`/api/v1/cooperations/${yard.id}/documents`)
      .set('Authorization', token)
      .send({ file: 'x' });
    expect(json.status).toBe(415);
    const noFile = await t.http
      .post(`/api/v1/cooperations/${yard.id}/documents`)
      .set('Authorization', token)
      .field('kind', 'contract');
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ path: 'file' })]);
    expect((await upload(COORD_HEEK, PDF, { kind: 'selfie' })).status).toBe(400);
    const extra = await t.http
      .post(`/api/v1/cooperations/${yard.id}/documents`)
      .set('Authorization', token)
      .field('owner', 'admin')
      .attach('file', PDF, 'x.pdf');
    expect(extra.status).toBe(400);
  });

  it('multipart is accepted on the upload route only', async () => {
    const res = await t.http
      .post(`/api/v1/cooperations/${yard.id}/events`)
      .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
      .field('type', 'SIGN_LOI');
    expect(res.status).toBe(415);
  });

  it("another municipality's coordinator can neither upload, list nor download (404); auditors and admins read", async () => {
    const mine = (await upload(COORD_HEEK, PDF)).body.id as string;
    expect((await upload(KOELN, PDF)).status).toBe(404);
    expect((await yard.get(KOELN as never, '/documents')).status).toBe(404);
    expect((await yard.get(KOELN as never, `/documents/${mine}`)).status).toBe(404);
    // The cooperation's partners read; so do auditors and admins.
    for (const who of [COORD_LEGDEN, AUDITOR, ADMIN]) {
      const list = await yard.get(who, '/documents');
      expect(list.status).toBe(200);
      expect(list.body.items.map((d: { id: string }) => d.id)).toContain(mine);
      expect(list.body.items[0]).not.toHaveProperty('content');
    }
    // Auditors and admins read but do not upload.
    expect((await upload(AUDITOR, PDF)).status).toBe(403);
    // A document of another cooperation is not found through this one.
    const foreign = (await upload(COORD_HEEK, PDF, { id: other.id })).body.id as string;
    expect((await yard.get(ADMIN as never, `/documents/${foreign}`)).status).toBe(404);
    expect((await yard.get(ADMIN as never, `/documents/${randomUUID()}`)).status).toBe(404);
  });

  it('an event referencing documents records their hashes in the history entry; the chain verifies', async () => {
    const loi = await upload(COORD_HEEK, PDF, { kind: 'signed-loi' });
    const scan = await upload(COORD_HEEK, JPEG, { kind: 'signed-loi' });
    const step = stepNamed('sign-loi-heek');
    yard.at(step.at);
    const res = await yard.send(step.actor, { ...toBody(step.event), documents: [loi.body.id, scan.body.id] });
    expect(res.status).toBe(200);
    expect(res.body.entry.eventType).toBe('SIGN_LOI');
    expect(res.body.entry.payload.documents).toEqual([
      { id: loi.body.id, sha256: sha256(PDF) },
      { id: scan.body.id, sha256: sha256(JPEG) },
    ]);
    const history = await yard.get(AUDITOR, '/history', { query: { limit: 100 } });
    const entry = history.body.items.find((e: { sequence: number }) => e.sequence === res.body.entry.sequence);
    expect(entry.payload.documents).toEqual(res.body.entry.payload.documents);
    const verify = await yard.get(AUDITOR, '/history/verify');
    expect(verify.body).toMatchObject({ valid: true });
    // The stored row carries the same references (what the chain hashed).
    const [row] = await t.dataSource.query(
      `SELECT payload FROM cooperation_history WHERE cooperation_id = $1 AND sequence = $2`,
      [yard.id, res.body.entry.sequence],
    );
    expect(row.payload.documents).toEqual(res.body.entry.payload.documents);
  });

  it("referencing another cooperation's document, an unknown id or a malformed one is refused and writes nothing", async () => {
    const foreign = (await upload(COORD_HEEK, PDF, { id: other.id })).body.id as string;
    const step = stepNamed('sign-loi-legden');
    yard.at(step.at);
    const version = yard.version;
    const cross = await yard.send(step.actor, { ...toBody(step.event), documents: [foreign] });
    expect(cross.status).toBe(422);
    expect(cross.body.type).toBe('/problems/unknown-document');
    expect(cross.body.errors).toEqual([expect.objectContaining({ path: 'documents.0' })]);
    expect((await yard.send(step.actor, { ...toBody(step.event), documents: [randomUUID()] })).status).toBe(422);
    const malformed = await yard.send(step.actor, { ...toBody(step.event), documents: ['not-a-uuid'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].path).toMatch(/^documents/);
    const [coop] = await t.dataSource.query(`SELECT version FROM cooperations WHERE id = $1`, [yard.id]);
    expect(coop.version).toBe(version);
    // Without documents the event is recorded as before: no `documents` key in the payload.
    const res = await yard.send(step.actor, toBody(step.event));
    expect(res.status).toBe(200);
    expect(res.body.entry.payload).not.toHaveProperty('documents');
  });
});
