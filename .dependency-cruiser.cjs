/**
 * The import rules of the house plan (docs/architecture.md), checked by `npm run depcruise`, which
 * `npm run lint` (and so `.ci/run`) runs. Paths are relative to the repository root. Each context
 * lives in `src/<context>/` with the layers domain/ → application/ → infrastructure/ and http/.
 * test/architecture/dependency-rules.spec.ts proves that each rule fires on a wrong import.
 */

/** Test files: a spec may use test fixtures and test libraries, production code may not. */
const SPEC = '\\.spec\\.ts$';

/**
 * Shared kernels every context may import without going through a module's exports:
 * - common/: the shared kernel the house plan names (problem filter, base error, pagination,
 *   validation primitives, request id) — small, context-free building blocks.
 * - config/: the one typed configuration; every module reads its own settings from it.
 * - database/: the database module, data-source options and the PostgreSQL error codes that each
 *   repository translates; there is one database, not one per context.
 * - auth/: the principal, the access-policy and current-principal decorators and the guard that
 *   every controller of every context uses; identity is cross-cutting, not a context's business.
 * In return the kernels import no context (rule `shared-kernel-imports-no-context`).
 */
const KERNEL = '^src/(common|config|database|auth)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'A domain folder is plain TypeScript: it imports only xstate, node built-ins and other domain ' +
        'folders — no Nest, no TypeORM, no class-validator, no application or infrastructure code.',
      severity: 'error',
      from: { path: '^src/[^/]+/domain/', pathNot: SPEC },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^src/[^/]+/domain/', '(^|/)node_modules/xstate/'],
      },
    },
    {
      name: 'domain-specs-are-pure',
      comment:
        'Domain specs stay millisecond unit tests: besides what the domain may import they use only the ' +
        'scenario fixtures (test/fixtures/) and fast-check — no Nest testing module, no database.',
      severity: 'error',
      from: { path: ['^src/[^/]+/domain/.+' + SPEC] },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^src/[^/]+/domain/', '(^|/)node_modules/(xstate|fast-check)/', '^test/fixtures/'],
      },
    },
    {
      name: 'application-not-to-http',
      comment: 'Use cases take and return domain types; status codes, DTOs, ETag and Location belong to http/.',
      severity: 'error',
      from: { path: '^src/[^/]+/application/' },
      to: { path: '^src/[^/]+/http/' },
    },
    {
      name: 'infrastructure-not-to-application-or-http',
      comment: 'Repositories and entities serve the use cases; they never call a use case or know about HTTP.',
      severity: 'error',
      from: { path: '^src/[^/]+/infrastructure/' },
      to: { path: '^src/[^/]+/(application|http)/' },
    },
    {
      name: 'http-libraries-only-in-http',
      comment:
        'class-validator, class-transformer and @nestjs/swagger describe the HTTP edge (DTOs, OpenAPI); ' +
        'use cases and repositories work with domain types.',
      severity: 'error',
      from: { path: '^src/[^/]+/(application|infrastructure)/' },
      to: { path: '(^|/)node_modules/(class-validator|class-transformer|@nestjs/swagger)/' },
    },
    {
      name: 'contexts-only-through-their-module',
      comment:
        'A context uses another context only through what src/<context>/<context>.module.ts exports or ' +
        'src/<context>/index.ts re-exports, never its inner files. Domain files are left to domain-is-pure, ' +
        'which lets one pure core import another directly (an index.ts that also re-exports Nest providers ' +
        'would drag Nest into the domain). Shared kernels: see KERNEL.',
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: [KERNEL, '^src/[^/]+/domain/', '^src/console/'] },
      to: {
        path: '^src/[^/]+/',
        pathNot: ['^src/$1/', KERNEL, '^src/[^/]+/[^/]+\\.module\\.ts$', '^src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'console-only-to-browser-code',
      comment:
        'The console is a browser bundle that talks to the server over HTTP only. Of the server tree it may ' +
        'import just the pure files written for both sides — the canonical JSON and the chain rules, so that ' +
        'the browser verifies a history exactly as the server does — never a module, a use case or node code.',
      severity: 'error',
      from: { path: '^src/console/' },
      to: {
        path: '^src/',
        pathNot: ['^src/console/', '^src/history/domain/(canonical-json|chain-verifier)\\.ts$'],
      },
    },
    {
      name: 'shared-kernel-imports-no-context',
      comment:
        'The shared kernels may be imported from anywhere, so they must not lean on a context: that would ' +
        'hide a context-to-context dependency (and a cycle) behind the kernel.',
      severity: 'error',
      from: { path: KERNEL, pathNot: SPEC },
      to: { path: '^src/', pathNot: KERNEL },
    },
    {
      name: 'audit-not-to-cooperations',
      comment: 'The audit feed reads the hash-chained history through src/history/, never the lifecycle.',
      severity: 'error',
      from: { path: '^src/audit/' },
      to: { path: '^src/cooperations/' },
    },
    {
      name: 'src-not-to-test',
      comment: 'Production code never imports test code (test/ is not built and not shipped).',
      severity: 'error',
      from: { path: '^src/', pathNot: SPEC },
      to: { path: '^test/' },
    },
    {
      name: 'src-specs-only-to-test-fixtures',
      comment: 'Unit tests beside the code may use the scenario fixtures, not the e2e harness in test/.',
      severity: 'error',
      from: { path: '^src/.+' + SPEC },
      to: { path: '^test/', pathNot: '^test/fixtures/' },
    },
    {
      name: 'not-to-spec',
      comment: 'A spec is an entry point of the test runner; importing one runs its tests twice.',
      severity: 'error',
      from: {},
      to: { path: '\\.(spec|e2e-spec)\\.ts$' },
    },
    {
      name: 'not-to-dev-dep',
      comment:
        'Code that ships (src/, migrations/) must not need a devDependency at run time (npm ci --omit=dev). ' +
        'Type-only imports vanish in the build.',
      severity: 'error',
      from: { path: '^(src|migrations)/', pathNot: SPEC },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be understood, tested or moved one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A production file nothing imports is dead code (entry points and specs aside).',
      severity: 'error',
      from: {
        orphan: true,
        path: '^src/',
        pathNot: [SPEC, '^src/main\\.ts$', '\\.d\\.ts$'],
      },
      to: {},
    },
    {
      name: 'no-non-package-json',
      comment: 'Every imported package is declared in package.json, not just present through another one.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // test/architecture/fixtures/ breaks every rule on purpose (see dependency-rules.spec.ts).
    exclude: { path: '^(dist|coverage|data|bench/results|migrations/data|test/architecture/fixtures)/' },
    // Type-only imports count: `import type { X } from '@nestjs/common'` in a domain file is still wrong.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Worktrees link node_modules; keep its paths as `node_modules/…` so the rules above match.
    preserveSymlinks: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
