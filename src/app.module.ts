import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit.module';
import type { RequestWithId } from './common/request-id';
import { validateEnvironment, type Environment } from './config/configuration';
import { CooperationsModule } from './cooperations/cooperations.module';
import { DocumentsModule } from './documents/documents.module';
import { EscalationsModule } from './escalations/escalations.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PersonalDataModule } from './personal-data/personal-data.module';

@Module({})
export class AppModule {
  /** `overrides` win over the environment: the tests start servers with their own settings. */
  static register(overrides: Partial<Record<keyof Environment, string>> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: process.env.NODE_ENV === 'test',
          // Validated settings are served from the module's own store, not copied into
          // process.env (where `validate` would put them): one server's overrides must not
          // leak into the next server a test starts in the same process.
          skipProcessEnv: true,
          load: [() => ({ ...validateEnvironment({ ...process.env, ...overrides }) })],
        }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => ({
            // The path syntax of path-to-regexp 8; nestjs-pino's default `*` logs a deprecation warning.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.get('LOG_LEVEL', { infer: true }),
              genReqId: (request) => (request as RequestWithId).id ?? 'unknown',
              // Headers stay out of the logs: they carry tokens, and the request id says enough.
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              customProps: () => ({ service: 'ikz-lifecycle-engine' }),
            },
          }),
        }),
        DatabaseModule,
        AuthModule,
        RateLimitModule,
        HealthModule,
        MunicipalitiesModule,
        HistoryModule,
        CooperationsModule,
        EscalationsModule,
        DocumentsModule,
        PersonalDataModule,
        NotificationsModule,
        AuditModule,
      ],
    };
  }
}
