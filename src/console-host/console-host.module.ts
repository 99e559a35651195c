import { Module, type DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `vite build` puts the console (vite.config.mts): dist/console of the package. */
export function consoleDirectory(from = __dirname): string {
  // The server runs from src/ (tests) or from dist/src/ (npm start): the package root is above both.
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'console');
}

/**
 * Serves the web console (src/console/, built into dist/console) at `/`; the API, its
 * documentation, the health checks and the metrics keep their paths. Without a built console (a test run
 * before `npm run build`) nothing is served.
 */
@Module({})
export class ConsoleHostModule {
  static register(rootPath = consoleDirectory()): DynamicModule {
    if (!existsSync(join(rootPath, 'index.html'))) return { module: ConsoleHostModule };
    return {
      module: ConsoleHostModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          exclude: ['/api/{*path}', '/docs', '/docs-json', '/docs/{*path}', '/health', '/health/{*path}', '/metrics'],
          serveStaticOptions: { index: 'index.html', maxAge: 0 },
        }),
      ],
    };
  }
}
