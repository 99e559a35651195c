import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './logging';

/** The JSON lines a pino-http logger with the application's options writes for one request. */
async function linesOfOneRequest(): Promise<Array<Record<string, unknown>>> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logging = pinoHttp({ ...requestLogOptions('info'), stream: sink });
  const server = createServer((req, res) => {
    (req as typeof req & { id: string }).id = 'request-1';
    logging(req, res);
    logging.logger.info('outside the request line');
    res.statusCode = 201;
    res.setHeader('set-cookie', 'secret=1');
    res.end('{}');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/api/v1/cooperations?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Maria Beispiel' }),
    });
  } finally {
    await new Promise((closed) => server.close(closed));
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the request log (requestLogOptions)', () => {
  it('one line per request: id, method, URL and status — no headers, no body; every line names the service', async () => {
    const lines = await linesOfOneRequest();
    const requestLines = lines.filter((l) => l.msg === 'request completed');
    expect(requestLines).toHaveLength(1);
    const [line] = requestLines;
    expect(line.req).toEqual({ id: 'request-1', method: 'POST', url: '/api/v1/cooperations?x=1' });
    expect(line.res).toEqual({ statusCode: 201 });
    expect(JSON.stringify(lines)).not.toMatch(/secret|Maria/);
    for (const l of lines) expect(l).toMatchObject({ service: 'ikz-lifecycle-engine', pid: process.pid });
  });
});
