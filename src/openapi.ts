import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/*
 * The OpenAPI document (/docs-json) and its page (/docs). What holds for every operation is added
 * here once rather than on each route: the answers any request can get (429, 503), UUID path
 * parameters, and descriptions made safe for Swagger UI's Markdown (a bare `<version>` is HTML there
 * and vanishes).
 */

export const DOCS_PAGE_TITLE = 'IKZ-Plattform – API-Dokumentation / API documentation';

const INTRODUCTION = `Führt interkommunale Kooperationen (IKZ) in NRW von der Partnersuche über Absichtserklärung,
Planung und Vertrag bis zu Betrieb, Ausstieg und Auflösung. Jeder Schritt ist ein Ereignis
(\`POST /api/v1/cooperations/{id}/events\`); die Engine lehnt Schritte ab, deren Pflichten nicht erfüllt sind,
und sagt unter \`GET …/next\`, was jetzt möglich ist — mit einer Vorlage für den Body.

Runs inter-municipal cooperations in NRW from the partner search through the letter of intent,
planning and contract to operation, exit and dissolution. Every step is an event; the engine refuses
steps whose obligations are not met and \`GET …/next\` says what would pass now, with a body to start from.

**Token / Anmeldung.** Jede Route außer \`/health\` und dieser Dokumentation braucht
\`Authorization: Bearer <JWT>\` mit \`sub\`, \`role\` (\`coordinator\`, \`steering-board\`, \`auditor\`, \`admin\`)
und — für Koordination und Lenkungsgremium — \`municipality\` (AGS, 8 Ziffern). In der Entwicklung:
\`POST /api/v1/dev/token\` mit \`{"role": "coordinator", "municipality": "05554024"}\` (unten unter *development*)
oder \`npm run token -- --role coordinator --municipality 05554024\`; im Betrieb stellt Ihr Identitätsanbieter
das Token aus (\`JWT_JWKS_URL\`). Then press *Authorize* and paste the token.

**Mehr / More:** \`README.md\` (erste Kooperation in ~20 Anfragen / your first cooperation in ~20 requests),
\`docs/api.md\` (Konventionen, Fehler / conventions, problems), \`docs/lifecycle.md\`, \`docs/obligations.md\` —
im Repository / in the repository. Fehler sind / errors are \`application/problem+json\` (RFC 9457),
Deutsch oder mit \`Accept-Language: en\` Englisch.`;

const PROBLEM = { 'application/problem+json': { schema: { type: 'object' } } };
const COMMON_RESPONSES: Record<string, { description: string; content: typeof PROBLEM }> = {
  '429': {
    description: 'Zu viele Anfragen / too many requests (too-many-requests; `Retry-After`)',
    content: PROBLEM,
  },
  '503': {
    description: 'Datenbank nicht erreichbar / database unavailable (database-unavailable; `Retry-After`): retry',
    content: PROBLEM,
  },
};

/** `<version>` outside a code span becomes a code span: Markdown would take it for an HTML tag. */
export function codeSpanTags(markdown: string): string {
  return markdown
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/"?<[A-Za-z][\w-]*>"?/g, (tag) => `\`${tag}\``)))
    .join('');
}

function mendDescriptions(node: unknown): void {
  if (Array.isArray(node)) node.forEach(mendDescriptions);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'description' || key === 'summary') && typeof value === 'string') {
        (node as Record<string, unknown>)[key] = codeSpanTags(value);
      } else mendDescriptions(value);
    }
  }
}

interface Operation {
  parameters?: Array<{ in: string; name: string; schema?: Record<string, unknown> }>;
  responses: Record<string, unknown>;
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IKZ-Plattform: Lebenszyklus interkommunaler Zusammenarbeit / IKZ lifecycle engine')
      .setDescription(INTRODUCTION)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      for (const [status, response] of Object.entries(COMMON_RESPONSES)) operation.responses[status] ??= response;
      // Every path id is a UUID (ParseUuidPipe); municipalities are named by their AGS.
      for (const p of operation.parameters ?? []) {
        if (p.in === 'path' && p.name !== 'ags') p.schema = { ...p.schema, type: 'string', format: 'uuid' };
      }
    }
  }
  mendDescriptions(document);
  return document;
}

export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, createOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: DOCS_PAGE_TITLE,
  });
}
