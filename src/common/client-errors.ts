import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { localize, problem, type ProblemText } from './i18n';
import { type Language, preferredLanguage } from './language';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/**
 * Requests Node's HTTP parser refuses before Express sees them: without a listener Node answers
 * with an empty body. The one that matters is a header section beyond Node's limit (16 KiB by
 * default, `--max-http-header-size`; docs/limits.md), which an oversized bearer token causes.
 */
const ANSWERS: Record<string, { status: number; slug: string; reason: string; texts: ProblemText }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'request-header-fields-too-large',
    reason: 'Request Header Fields Too Large',
    texts: problem('header-too-large'),
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    reason: 'Request Timeout',
    texts: problem('request-timeout'),
  },
};
const BAD_REQUEST = { status: 400, slug: 'bad-request', reason: 'Bad Request', texts: problem('bad-http') };

/** The language asked for in what arrived of the request, if its Accept-Language header came through. */
const languageOf = (error: NodeJS.ErrnoException & { rawPacket?: Buffer }): Language =>
  preferredLanguage(/^accept-language:[ \t]*([^\r\n]*)/im.exec(error.rawPacket?.toString('latin1') ?? '')?.[1]);

/** Answers what the HTTP parser refuses as problem+json, as every other error is answered. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const message = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    // As Node's own handler: nothing to answer on a reset or closed socket, or mid-response.
    if (error.code === 'ECONNRESET' || !socket.writable || message?.headersSent) {
      socket.destroy();
      return;
    }
    const answer = ANSWERS[error.code ?? ''] ?? BAD_REQUEST;
    const lang = languageOf(error);
    const body = JSON.stringify({
      type: problemType(answer.slug),
      title: localize(lang, answer.texts.title),
      status: answer.status,
      detail: localize(lang, answer.texts.detail),
    });
    socket.end(
      [
        `HTTP/1.1 ${answer.status} ${answer.reason}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
