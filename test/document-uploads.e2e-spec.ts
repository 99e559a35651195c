import { createHash, randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { COORD_HEEK } from './fixtures/building-yard.scenario';
import { BuildingYard } from './support/building-yard';
import { binary, PDF, PLAIN_ZIP, zip } from './support/evidence-files';
import { AUDITOR, coordinatorOf, createTestApp, type TestApp } from './support/test-app';

/*
 * Uploads at real size (issue 12, item 5): the embedded database has one connection, so an upload
 * must never hold it for the whole content, and a caller who may not upload is answered before the
 * body is read. Latency figures are in docs/limits.md (measured separately), not asserted here.
 */
const MiB = 1024 * 1024;
const KOELN = coordinatorOf('05315000');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const bigPdf = (bytes: number) => Buffer.concat([PDF, randomBytes(bytes - PDF.length)]);

describe('uploads at real size', () => {
  let t: TestApp;
  let yard: BuildingYard;
  let koelnCooperation: string;

  beforeAll(async () => {
    t = await createTestApp({ DOCUMENT_MAX_BYTES: String(24 * MiB) });
    yard = new BuildingYard(t);
    await yard.open();
    const opened = await t.http
      .post('/api/v1/cooperations')
      .set('Authorization', `Bearer ${await t.token(KOELN)}`)
      .send({
        title: 'Gemeinsame Vergabestelle Köln',
        fieldOfWork: 'Vergabe',
        motive: 'synergies',
        description: 'Eine gemeinsame Vergabestelle für die Stadt Köln und ihre Nachbarn.',
      });
    expect(opened.status).toBe(201);
    koelnCooperation = opened.body.id;
  });
  afterAll(() => t.close());

  const upload = async (content: Buffer) =>
    t.http
      .post(`/api/v1/cooperations/${yard.id}/documents`)
      .set('Authorization', `Bearer ${await yard.token(COORD_HEEK)}`)
      .attach('file', content, { filename: 'anlage.pdf', contentType: 'application/pdf' });

  const readKoeln = async () =>
    t.http.get(`/api/v1/cooperations/${koelnCooperation}`).set('Authorization', `Bearer ${await t.token(KOELN)}`);

  it("answers another municipality's requests while an upload's content is being written", async () => {
    // The statements that write document content, observed from outside the repository.
    const log: string[] = [];
    const query = t.dataSource.query.bind(t.dataSource);
    const spy = jest.spyOn(t.dataSource, 'query').mockImplementation(async (sql: string, ...rest: unknown[]) => {
      const writes = /^\s*INSERT INTO cooperation_document/i.test(sql);
      if (writes) log.push('write-start');
      try {
        return await query(sql, ...(rest as [unknown[]]));
      } finally {
        if (writes) log.push('write-end');
      }
    });
    try {
      const content = bigPdf(20 * MiB);
      let done = false;
      const statuses: number[] = [];
      const pending = upload(content).then((res) => {
        done = true;
        return res;
      });
      while (!done) {
        const res = await readKoeln();
        statuses.push(res.status);
        log.push('read-done');
      }
      const res = await pending;
      expect(res.status).toBe(201);
      expect(res.body.sha256).toBe(sha256(content));
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // Between the first statement writing the content and the last one, other requests got answers.
      const first = log.indexOf('write-start');
      const last = log.lastIndexOf('write-end');
      expect(first).toBeGreaterThanOrEqual(0);
      expect(log.slice(first, last).filter((e) => e === 'read-done').length).toBeGreaterThan(0);
    } finally {
      spy.mockRestore();
    }
  });

  it('keeps answering (never 503) while several 20 MiB uploads run at once; each comes back byte for byte', async () => {
    const contents = Array.from({ length: 6 }, () => bigPdf(20 * MiB));
    let running = contents.length;
    const uploads = contents.map((content) =>
      upload(content).then((res) => {
        running--;
        return res;
      }),
    );
    const statuses: number[] = [];
    while (running > 0) statuses.push((await readKoeln()).status);
    const answers = await Promise.all(uploads);
    expect(answers.map((a) => a.status)).toEqual(contents.map(() => 201));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const download = await t.http
      .get(`/api/v1/cooperations/${yard.id}/documents/${answers[2].body.id}`)
      .set('Authorization', `Bearer ${await t.token(AUDITOR)}`)
      .buffer(true)
      .parse(binary);
    expect(download.status).toBe(200);
    expect(download.headers['content-length']).toBe(String(20 * MiB));
    expect(sha256(download.body as Buffer)).toBe(sha256(contents[2]));
  });

  it('recognises a large DOCX by the directory at its end (the content is streamed, not held whole)', async () => {
    const docx = zip([
      ['[Content_Types].xml', '<Types/>'],
      ['word/media/scan.png', randomBytes(3 * MiB)],
      ['word/document.xml', '<w:document/>'],
    ]);
    const res = await upload(docx);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: docx.length,
      sha256: sha256(docx),
    });
    const plain = zip([
      ['readme.txt', 'nur ein Archiv'],
      ['daten.bin', randomBytes(3 * MiB)],
    ]);
    expect((await upload(plain)).status).toBe(415);
    expect((await upload(PLAIN_ZIP)).status).toBe(415);
  });

  it('answers a caller who may not upload (404) before reading the body', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const boundary = 'ikz-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = bigPdf(16 * MiB);
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/cooperations/${yard.id}/documents`,
      headers: {
        Authorization: `Bearer ${await t.token(KOELN)}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': head.length + body.length + tail.length,
      },
    });
    let answered: IncomingMessage | null = null;
    const response = new Promise<IncomingMessage>((resolve, reject) => {
      req.on('response', (res) => {
        answered = res;
        res.resume();
        resolve(res);
      });
      // After its answer the server may reset the connection it no longer reads from.
      req.on('error', (error) => (answered ? undefined : reject(error)));
    });
    // A write waits for the socket to take more — or for the answer, or the socket closing after it.
    const write = (chunk: Buffer) =>
      new Promise<void>((resolve) => {
        if (req.write(chunk)) return resolve();
        req.once('drain', resolve);
        req.once('close', resolve);
        void response.then(
          () => resolve(),
          () => resolve(),
        );
      });
    await write(head);
    // Send the content slowly in pieces; the answer must come before the last piece is sent.
    let sentBeforeAnswer = 0;
    for (let offset = 0; offset < body.length && !answered && !req.destroyed; offset += 256 * 1024) {
      await write(body.subarray(offset, offset + 256 * 1024));
      await new Promise((resolve) => setImmediate(resolve));
      if (!answered) sentBeforeAnswer = offset + 256 * 1024;
    }
    if (!answered) req.end(tail);
    const res = await response;
    req.destroy();
    expect(res.statusCode).toBe(404);
    expect(sentBeforeAnswer).toBeLessThan(body.length);
  });
});
