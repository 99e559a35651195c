import { simpleParser } from 'mailparser';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

/** One e-mail as the SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  eventId: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives (no TLS, no authentication). */
export async function startSmtpServer(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            eventId: (parsed.headers.get('x-ikz-event-id') as string | undefined) ?? '',
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One request as the webhook receiver got it. */
export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered: accepted (first of its id), duplicate (id seen), or refused (bad signature, stale). */
  verdict: 'accepted' | 'duplicate' | 'refused';
  detail?: string;
}

/**
 * A receiver as the docs tell municipal systems to write one: verifies the Standard Webhooks
 * signature and timestamp (standardwebhooks' 5-minute window), de-duplicates by `webhook-id`,
 * answers 204 for a new event, 200 for a known id and 401 for a refused request.
 * `failWith`: answer every request with this status instead (a broken receiver); `delayMs`: answer
 * each request that much later (a slow one, so that deliveries queue up).
 */
export async function startWebhookReceiver(options: { failWith?: number; delayMs?: number } = {}) {
  const requests: ReceivedRequest[] = [];
  const seen = new Map<string, unknown>();
  let secret = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void setTimeout(() => answer(), options.delayMs ?? 0));
    const answer = () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (options.failWith) {
        requests.push({ headers: req.headers, body, verdict: 'refused', detail: 'broken' });
        res.writeHead(options.failWith).end();
        return;
      }
      try {
        const event = new Webhook(secret).verify(body, req.headers as Record<string, string>);
        const id = String(req.headers['webhook-id']);
        const duplicate = seen.has(id);
        if (!duplicate) seen.set(id, event);
        requests.push({ headers: req.headers, body, verdict: duplicate ? 'duplicate' : 'accepted' });
        res.writeHead(duplicate ? 200 : 204).end();
      } catch (error) {
        requests.push({ headers: req.headers, body, verdict: 'refused', detail: (error as Error).message });
        res.writeHead(401).end();
      }
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ikz-events`,
    requests,
    /** The events accepted, by id: the receiver's de-duplicated view. */
    events: seen,
    /** The subscription's secret, as the receiver's operator stored it. */
    get secret() {
      return secret;
    },
    useSecret(s: string) {
      secret = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
