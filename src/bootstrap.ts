import { RequestMethod, type INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { refuseHostileJson, requireUtf8 } from './common/body-hygiene';
import { setupOpenApi } from './openapi';
import { answerClientErrors } from './common/client-errors';
import { withQuietStartup } from './common/logging';
import { requireJsonBody } from './common/content-type.middleware';
import { ProblemFilter } from './common/problem.filter';
import { requestIdMiddleware } from './common/request-id';
import { createValidationPipe } from './common/validation';
import { httpMetrics, Metrics } from './metrics';
import type { Environment } from './config/configuration';

export const API_PREFIX = 'api/v1';
/** Controllers served outside API_PREFIX: what load balancers, orchestrators and scrapers call. */
export const UNPREFIXED = ['health', 'metrics'];

/**
 * The API's and the console's security headers; the console may also talk to its OpenID provider
 * (discovery, token exchange and refresh are requests from the browser to the issuer).
 */
const apiHelmet = (issuer: string | undefined) =>
  issuer
    ? helmet({ contentSecurityPolicy: { directives: { connectSrc: ["'self'", new URL(issuer).origin] } } })
    : helmet();
/** The documentation UI additionally needs its inline script and styles. */
const docsHelmet = helmet({
  contentSecurityPolicy: {
    directives: {
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
    },
  },
});

/**
 * Everything between "the module graph exists" and "listen": shared by main.ts and the e2e tests,
 * so that the tests exercise exactly the pipeline users get.
 */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(ConfigService<Environment, true>);
  app.useLogger(withQuietStartup(app.get(Logger)));
  answerClientErrors(app.getHttpServer());
  app.use(httpMetrics(app.get(Metrics)));
  app.use(requestIdMiddleware);
  const consoleHelmet = apiHelmet(config.get('OIDC_ISSUER', { infer: true }));
  app.use((req: { path: string }, res: unknown, next: () => void) =>
    (req.path.startsWith('/docs') ? docsHelmet : consoleHelmet)(req as never, res as never, next),
  );
  app.use(requireJsonBody);
  app.useBodyParser('json', {
    limit: config.get('BODY_LIMIT', { infer: true }),
    type: ['application/json', 'application/*+json'],
    verify: requireUtf8,
  });
  app.use(refuseHostileJson);
  app.setGlobalPrefix(API_PREFIX, {
    exclude: UNPREFIXED.flatMap((base) => [base, `${base}/{*rest}`]).map((path) => ({
      path,
      method: RequestMethod.GET,
    })),
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());

  setupOpenApi(app);
  return app;
}
