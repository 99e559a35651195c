import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

/**
 * Requests Node's HTTP parser refuses before Express sees them: without a listener Node answers
 * with an empty body. The one that matters is a header section beyond Node's limit (16 KiB by
 * default, `--max-http-header-size`; docs/limits.md), which an oversized bearer token causes.
 */
const ANSWERS: Record<string, { status: number; slug: string; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    slug: 'request-header-fields-too-large',
    title: 'Request Header Fields Too Large',
    detail: 'The request headers (e.g. the bearer token) exceed the size limit of the server.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    slug: 'request-timeout',
    title: 'Request Timeout',
    detail: 'The request did not arrive in time.',
  },
};
const BAD_REQUEST = {
  status: 400,
  slug: 'bad-request',
  title: 'Bad Request',
  detail: 'The request is not valid HTTP.',
};

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
    const body = JSON.stringify({
      type: problemType(answer.slug),
      title: answer.title,
      status: answer.status,
      detail: answer.detail,
    });
    socket.end(
      [
        `HTTP/1.1 ${answer.status} ${answer.title}`,
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
