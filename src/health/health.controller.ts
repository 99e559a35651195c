import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '../auth/access-policy.decorator';
import { ProblemException } from '../common/problem';
import { problem } from '../common/i18n';
import { VERSION } from '../common/version';
import { Readiness } from './readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly readiness: Readiness,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Liveness and database readiness' })
  @ApiOkResponse({ description: 'The server is up and the database answers' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer (problem+json with the failing checks)' })
  check(): Promise<HealthCheckResult> {
    return this.databaseCheck();
  }

  @Get('live')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers (restart it when this fails); with the version' })
  @ApiOkResponse({ description: '`{"status":"ok","version":"…"}`' })
  live(): { status: 'ok'; version: string } {
    return { status: 'ok', version: VERSION };
  }

  @Get('ready')
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({ summary: 'Readiness: send traffic here (the database answers and the server is not stopping)' })
  @ApiOkResponse({ description: 'Ready; the body has the database check and the version' })
  @ApiServiceUnavailableResponse({
    description: 'Stopping (after SIGTERM, `draining: true`) or the database does not answer (problem+json)',
  })
  async ready(): Promise<HealthCheckResult & { version: string }> {
    if (this.readiness.draining) {
      throw new ProblemException(503, 'service-unavailable', problem('draining'), {
        extensions: { draining: true, version: VERSION },
        headers: { 'Retry-After': '5' },
      });
    }
    return { ...(await this.databaseCheck()), version: VERSION };
  }

  private databaseCheck(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 2_000 })]);
  }
}
