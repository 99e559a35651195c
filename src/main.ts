import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import type { Environment } from './config/configuration';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  const config = app.get(ConfigService<Environment, true>);
  const graceMs = config.get('SHUTDOWN_GRACE_MS', { infer: true });
  // SIGHUP too: a closed terminal must not leave the embedded database unclosed.
  app.enableShutdownHooks(['SIGTERM', 'SIGINT', 'SIGHUP']);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), graceMs).unref());
  }
  const host = config.get('HOST', { infer: true });
  await app.listen(config.get('PORT', { infer: true }), host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  app.get(Logger).log(`IKZ lifecycle engine listening on ${url} — API documentation: ${url}/docs`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
