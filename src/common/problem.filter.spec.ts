import { type ArgumentsHost, Logger, MethodNotAllowedException, ServiceUnavailableException } from '@nestjs/common';
import { foreignInProblem } from '../../test/fixtures/language-detector';
import { ProblemFilter } from './problem.filter';

/** The problem document the filter answers `exception` with, in `lang`. */
function answer(exception: unknown, lang?: string): { status: number; body: Record<string, unknown> } {
  let status = 0;
  let sent = '';
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status: (s: number) => ((status = s), response),
    type: () => response,
    send: (body: string) => ((sent = body), response),
  };
  const request = {
    method: 'DELETE',
    path: '/api/v1/x',
    originalUrl: '/api/v1/x',
    headers: { 'accept-language': lang },
  };
  const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) };
  new ProblemFilter().catch(exception, host as unknown as ArgumentsHost);
  return { status, body: JSON.parse(sent) as Record<string, unknown> };
}

describe('ProblemFilter: the refusals without a request to provoke them, in both languages', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it.each([
    ['503 database unavailable', Object.assign(new Error('connect ECONNREFUSED'), { code: '08006' }), 503],
    ['503 not ready', new ServiceUnavailableException({ status: 'error', error: {} }), 503],
    ['405', new MethodNotAllowedException(), 405],
    ['500', new Error('boom: SELECT secret FROM x'), 500],
  ])('%s', (_label, exception, status) => {
    const de = answer(exception);
    const en = answer(exception, 'en');
    expect([de.status, en.status]).toEqual([status, status]);
    expect(foreignInProblem(de.body, 'de')).toEqual([]);
    expect(foreignInProblem(en.body, 'en')).toEqual([]);
    expect(de.body.detail).not.toEqual(en.body.detail);
    expect(JSON.stringify([de.body, en.body])).not.toMatch(/secret|boom/);
  });
});
