import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { validateEnvironment, type Environment } from './config/configuration';
import { banner } from './startup/banner';
import { failStart } from './startup/fatal';
import { portError, preflight } from './startup/preflight';
import { stopOnSignals } from './startup/shutdown';
import { runServers } from './workers';

async function main(): Promise<void> {
  let env: Environment;
  try {
    // Checked before Nest starts, so that a misconfiguration is one clear line, not a stack trace.
    env = validateEnvironment(process.env);
    await preflight(env);
  } catch (error) {
    return failStart(error);
  }
  let app: NestExpressApplication | undefined;
  try {
    // abortOnError: false — Nest would otherwise abort() on a failing module, leaving the embedded
    // database open and locked; its log of the error stays buffered (one line is printed instead).
    app = await NestFactory.create<NestExpressApplication>(AppModule.register(), {
      bufferLogs: true,
      bodyParser: false,
      abortOnError: false,
    });
    configureApp(app);
    stopOnSignals(app, { drainMs: env.SHUTDOWN_DRAIN_MS, graceMs: env.SHUTDOWN_GRACE_MS });
    await app.listen(env.PORT, env.HOST).catch((error: NodeJS.ErrnoException) => {
      // The port was free at the preflight and taken since.
      throw portError(error, env.HOST, env.PORT);
    });
  } catch (error) {
    const started = app;
    return failStart(error, started && (() => started.close()));
  }
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  const { text, fields } = banner(env, url);
  app.get(Logger).log({ msg: text, startup: fields }, 'Bootstrap');
}

// WORKERS=<n|auto>: one process, or n sharing the port (src/workers.ts).
runServers(main).catch((error: unknown) => failStart(error));
