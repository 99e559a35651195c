import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { logDestination, requestLogOptions } from './common/logging';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit.module';
import { configModule } from './config/config.module';
import { offersDevelopmentSignIn, validateEnvironment, type Environment } from './config/configuration';
import { ConsoleHostModule } from './console-host/console-host.module';
import { CooperationsModule } from './cooperations/cooperations.module';
import { DocumentsModule } from './documents/documents.module';
import { EscalationsModule } from './escalations/escalations.module';
import { DevSignInModule } from './dev-sign-in/dev-sign-in.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics';
import { HistoryModule } from './history';
import { MunicipalitiesModule } from './municipalities/municipalities.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { SignInModule } from './sign-in/sign-in.module';
import { RegisterModule } from './register/register.module';
import { StatusReportModule } from './status-report/status-report.module';

@Module({})
export class AppModule {
  /** `overrides` win over the environment: the tests start servers with their own settings. */
  static register(overrides: Partial<Record<keyof Environment, string>> = {}): DynamicModule {
    const environment = validateEnvironment({ ...process.env, ...overrides });
    return {
      module: AppModule,
      imports: [
        configModule(overrides),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Environment, true>) => {
            const options = requestLogOptions(config.get('LOG_LEVEL', { infer: true }));
            const destination = logDestination(config.get('LOG_FORMAT', { infer: true }));
            return {
              // The path syntax of path-to-regexp 8; nestjs-pino's default `*` logs a deprecation warning.
              forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
              pinoHttp: destination ? [options, destination] : options,
            };
          },
        }),
        DatabaseModule,
        MetricsModule,
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
        SignInModule,
        RegisterModule,
        StatusReportModule,
        // The console's development sign-in; elsewhere the route does not exist (404).
        ...(offersDevelopmentSignIn(environment) ? [DevSignInModule] : []),
        ConsoleHostModule.register(),
      ],
    };
  }
}
