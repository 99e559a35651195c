/**
 * Writes src/console/api/openapi.d.ts, the types of the console's API client, from the server's
 * OpenAPI document (an in-memory server, nothing is listened on). Usage: npm run console:api
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/bootstrap';
import { CONSOLE_API_TYPES, renderConsoleApiTypes } from './console-api-types';

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({
      NODE_ENV: 'development',
      IKZ_DATA_DIR: ':memory:',
      TIMERS_ENABLED: 'false',
      LOG_LEVEL: 'silent',
    }),
    { logger: false, bodyParser: false },
  );
  try {
    configureApp(app);
    await app.init();
    writeFileSync(join(__dirname, '..', CONSOLE_API_TYPES), await renderConsoleApiTypes(app));
    process.stdout.write(`wrote ${CONSOLE_API_TYPES}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
