import { RequestMethod, type INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { refuseHostileJson, requireUtf8 } from './common/body-hygiene';
import { answerClientErrors } from './common/client-errors';
import { requireJsonBody } from './common/content-type.middleware';
import { ProblemFilter } from './common/problem.filter';
import { requestIdMiddleware } from './common/request-id';
import { createValidationPipe } from './common/validation';
import type { Environment } from './config/configuration';

export const API_PREFIX = 'api/v1';

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

/** The OpenAPI document of the API (served at /docs-json; the console's client types come from it). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IKZ lifecycle engine')
      .setDescription(
        'Runs inter-municipal cooperations (interkommunale Zusammenarbeit) in NRW from the partner search to the ' +
          'contract, operation, exit and dissolution. Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
}

/**
 * Everything between "the module graph exists" and "listen": shared by main.ts and the e2e tests,
 * so that the tests exercise exactly the pipeline users get.
 */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(ConfigService<Environment, true>);
  app.useLogger(app.get(Logger));
  answerClientErrors(app.getHttpServer());
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
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
