import { Logger } from '@nestjs/common';
import { PollLoop } from './poll-loop';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PollLoop', () => {
  it('looks at once, again at once while there is more, then after the interval; stop waits for the look', async () => {
    const looks: number[] = [];
    let more = 3;
    let release: () => void = () => undefined;
    const loop = new PollLoop(
      async () => {
        looks.push(Date.now());
        if (more === 0) await new Promise<void>((r) => (release = r));
        return { more: more-- > 0 };
      },
      60_000,
      new Logger('test'),
      'test',
    );
    loop.start();
    await sleep(100);
    // Three looks with more to do, one without: then it waits for the interval (a minute).
    expect(looks).toHaveLength(4);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(loop.isStopped).toBe(true);
  });

  it('logs a failed look and tries again after the interval', async () => {
    const logger = new Logger('test');
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    let n = 0;
    const loop = new PollLoop(
      () => (n++ === 0 ? Promise.reject(new Error('boom')) : Promise.resolve({ more: false })),
      10,
      logger,
      'looking',
    );
    loop.start();
    await sleep(100);
    await loop.stop();
    expect(error).toHaveBeenCalledWith('looking failed: boom');
    expect(n).toBeGreaterThanOrEqual(2);
  });
});
