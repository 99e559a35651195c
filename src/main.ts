import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { validateEnvironment, type Environment } from './config/configuration';
import { runServers } from './workers';

async function main(): Promise<void> {
  // Checked before Nest starts, so that a misconfiguration is one clear line, not a stack trace.
  validateEnvironment(process.env);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  const config = app.get(ConfigService<Environment, true>);
  const graceMs = config.get('SHUTDOWN_GRACE_MS', { infer: true });
  // SIGHUP too: a closed terminal must not leave the embedded database unclosed.
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  app.enableShutdownHooks([...signals]);
  let stopping = false;
  for (const signal of signals) {
    process.on(signal, () => {
      // A second Ctrl-C (or a terminal closing meanwhile) must not kill the process while the
      // embedded database is being closed: that is how PGlite's folder gets damaged. The listener
      // stays, so such signals are ignored; the process ends once everything is closed.
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), graceMs).unref();
    });
  }
  const host = config.get('HOST', { infer: true });
  await app.listen(config.get('PORT', { infer: true }), host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  app.get(Logger).log(`IKZ lifecycle engine listening on ${url} — API documentation: ${url}/docs`, 'Bootstrap');
}

runServers(main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
