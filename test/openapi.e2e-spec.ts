import type { Actor, LegalFormId } from '../src/cooperations/domain';
import { EVENT_EXAMPLES } from '../src/cooperations/http/dto/event-examples';
import { API_EVENT_TYPES } from '../src/cooperations/http/dto/event.dto';
import { DOCS_PAGE_TITLE } from '../src/openapi';
import {
  buildingYardSteps,
  COORD_HEEK,
  COORD_LEGDEN,
  COORD_SCHOEPPINGEN,
  EXPECTED_AUTHORITY,
  OPENING,
} from './fixtures/building-yard.scenario';
import { BOARD_LEGDEN } from './fixtures/operation-phase.scenario';
import { BuildingYard, stepNamed } from './support/building-yard';
import { createTestApp, type TestApp } from './support/test-app';

type Operation = {
  summary?: string;
  description?: string;
  parameters?: Array<{ in: string; name: string; schema: { format?: string } }>;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: { type: string } }> }> };
};

/** Where each example is sent: the building-yard step it replaces (or `active`), who sends it, what comes first. */
// A step before the event: an example by its type (its own place's actor, or the one named), or a
// body of its own where the example is of another phase.
type Before = string | [type: string, actor: Actor] | [type: string, actor: Actor, body: object];
type Place = { until?: string; actor: Actor; before?: Before[]; at?: string; form?: LegalFormId };
/** A colleague of Legden's coordinator, appointed as Legden's contact by that coordinator. */
const CONTACT_LEGDEN: Actor = { sub: 'kontakt-legden', role: 'coordinator', municipality: COORD_LEGDEN.municipality };
const AMENDED = 2;
const amendmentResolution = (actor: Actor, body: string, reference: string): Before => [
  'RECORD_COUNCIL_RESOLUTION',
  actor,
  { type: 'RECORD_COUNCIL_RESOLUTION', version: AMENDED, body, date: '2026-10-14', reference },
];
const PLACES: Record<string, Place> = {
  INVITE_PARTNER: { until: 'invite-legden', actor: COORD_HEEK },
  PUBLISH_PARTNER_SEARCH: { until: 'invite-legden', actor: COORD_HEEK },
  CLOSE_PARTNER_SEARCH: { until: 'invite-legden', actor: COORD_HEEK, before: ['PUBLISH_PARTNER_SEARCH'] },
  ACCEPT_INVITATION: { until: 'accept-legden', actor: COORD_LEGDEN },
  DECLINE_INVITATION: { until: 'accept-legden', actor: COORD_LEGDEN },
  WITHDRAW_INVITATION: { until: 'accept-schoeppingen', actor: COORD_HEEK },
  LEAVE_PARTNER_SEARCH: { until: 'appoint-contact-heek', actor: COORD_LEGDEN },
  APPOINT_CONTACT: { until: 'appoint-contact-heek', actor: COORD_HEEK },
  CONFIRM_CONTACT_APPOINTMENT: {
    until: 'appoint-contact-legden',
    actor: CONTACT_LEGDEN,
    before: [
      [
        'APPOINT_CONTACT',
        COORD_LEGDEN,
        {
          ...EVENT_EXAMPLES.APPOINT_CONTACT.value,
          name: 'Thomas Wewers',
          position: 'Fachbereichsleiter Tiefbau',
          email: 'kontakt-legden@example.org',
          userSub: CONTACT_LEGDEN.sub,
          authority: {
            conferredBy: 'Bürgermeisterin der Gemeinde Legden',
            conferredOn: '2026-01-21',
            scope: 'Verhandlung und Unterzeichnung der Absichtserklärung und der Vereinbarung',
          },
        },
      ],
    ],
  },
  START_LETTER_OF_INTENT: { until: 'start-letter-of-intent', actor: COORD_HEEK },
  DRAFT_LOI: { until: 'draft-loi', actor: COORD_HEEK },
  SIGN_LOI: { until: 'sign-loi-heek', actor: COORD_HEEK },
  ADOPT_LOI: { until: 'adopt-loi', actor: COORD_HEEK },
  DEFINE_STEERING_BODY: { until: 'define-steering-body', actor: COORD_HEEK },
  DEFINE_REPORTING_DUTIES: { until: 'define-reporting-duties', actor: COORD_HEEK },
  START_CONTRACT: { until: 'start-contract', actor: COORD_HEEK },
  DRAFT_CONTRACT: { until: 'draft-contract', actor: COORD_HEEK },
  RECORD_COUNCIL_RESOLUTION: { until: 'council-heek', actor: COORD_HEEK },
  SIGN_CONTRACT: { until: 'sign-contract-heek', actor: COORD_HEEK },
  RECORD_SUPERVISORY_STEP: { until: 'supervisory-step', actor: COORD_HEEK },
  PUT_INTO_FORCE: { until: 'put-into-force', actor: COORD_HEEK },
  // § 115 Abs. 1 GO NRW: a GmbH of the three; each notifies its own authority before the conclusion.
  RECORD_MEMBER_NOTIFICATION: { until: 'supervisory-step', actor: COORD_HEEK, form: 'private-law' },
  ABANDON: { until: 'draft-contract', actor: COORD_HEEK },
  SUBMIT_REPORT: { actor: COORD_HEEK, at: '2027-03-20T08:00:00Z' },
  ACKNOWLEDGE_REPORT: { actor: COORD_LEGDEN, before: ['SUBMIT_REPORT'], at: '2027-03-20T08:00:00Z' },
  CORRECT_REPORT: { actor: COORD_HEEK, before: ['SUBMIT_REPORT'], at: '2027-03-20T08:00:00Z' },
  WAIVE_OBLIGATION: { actor: COORD_HEEK },
  RAISE_CONFLICT: { actor: COORD_LEGDEN },
  RESOLVE_CASE: { actor: BOARD_LEGDEN, before: ['RAISE_CONFLICT'] },
  ESCALATE_CASE: { actor: BOARD_LEGDEN, before: ['RAISE_CONFLICT'] },
  DECLARE_CASE_FAILED: { actor: BOARD_LEGDEN, before: ['RAISE_CONFLICT', 'ESCALATE_CASE', 'ESCALATE_CASE'] },
  REQUEST_EXIT: { actor: COORD_SCHOEPPINGEN },
  RECORD_TERMINATION_RECEIPT: { actor: COORD_HEEK, before: ['REQUEST_EXIT'] },
  WITHDRAW_EXIT_REQUEST: { actor: COORD_SCHOEPPINGEN, before: ['REQUEST_EXIT'] },
  PROPOSE_DISSOLUTION: { actor: COORD_LEGDEN },
  RECORD_ASSEMBLY_VOTE: { actor: COORD_HEEK, before: ['PROPOSE_DISSOLUTION'], form: 'zweckverband' },
  RECORD_TERMINATION_PUBLICATION: { actor: COORD_SCHOEPPINGEN, before: ['REQUEST_EXIT'] },
  AGREE_TO_PUBLICATION: { actor: COORD_HEEK },
  REVOKE_PUBLICATION_AGREEMENT: { actor: COORD_HEEK, before: ['AGREE_TO_PUBLICATION'] },
  CONSENT_TO_CONTACT_PUBLICATION: { actor: COORD_HEEK },
  REVOKE_CONTACT_CONSENT: { actor: COORD_HEEK, before: ['CONSENT_TO_CONTACT_PUBLICATION'] },
  PROPOSE_AMENDMENT: { actor: COORD_HEEK, at: '2026-10-01T08:00:00Z' },
  SIGN_AMENDMENT: { actor: COORD_LEGDEN, before: ['PROPOSE_AMENDMENT'], at: '2026-10-01T08:00:00Z' },
  WITHDRAW_AMENDMENT: { actor: COORD_HEEK, before: ['PROPOSE_AMENDMENT'], at: '2026-10-01T08:00:00Z' },
  PUT_AMENDMENT_INTO_FORCE: {
    actor: COORD_HEEK,
    at: '2026-11-23T08:00:00Z',
    before: [
      'PROPOSE_AMENDMENT',
      amendmentResolution(COORD_HEEK, 'Rat', 'Vorlage 2026/118'),
      amendmentResolution(COORD_LEGDEN, 'Rat', 'Drucksache 121/2026'),
      amendmentResolution(COORD_SCHOEPPINGEN, 'Hauptausschuss', 'BV 2026/087'),
      ...[COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN].map((a): Before => ['SIGN_AMENDMENT', a]),
      // OBL-AMENDMENT-SUPERVISORY-STEP: the amended agreement is approved and published like the first.
      [
        'RECORD_SUPERVISORY_STEP',
        COORD_HEEK,
        {
          ...EVENT_EXAMPLES.RECORD_SUPERVISORY_STEP.value,
          submittedOn: '2026-10-20',
          approvedOn: '2026-11-10',
          publishedOn: '2026-11-20',
          gazetteReference: 'Amtsblatt Kreis Borken Nr. 47/2026',
        },
      ],
    ],
  },
  RECORD_DISSOLUTION_RESOLUTION: { actor: COORD_HEEK, before: ['PROPOSE_DISSOLUTION'] },
  RECORD_WINDING_UP: {
    actor: COORD_HEEK,
    before: [
      'PROPOSE_DISSOLUTION',
      ...[COORD_HEEK, COORD_LEGDEN, COORD_SCHOEPPINGEN].map((a): Before => ['RECORD_DISSOLUTION_RESOLUTION', a]),
      // § 24(5) GkG NRW: the Aufhebung is notified and published before the winding-up.
      [
        'RECORD_SUPERVISORY_STEP',
        COORD_HEEK,
        {
          type: 'RECORD_SUPERVISORY_STEP',
          kind: 'notification',
          authority: EXPECTED_AUTHORITY,
          submittedOn: '2026-08-17',
          publishedOn: '2026-08-17',
          gazetteReference: 'Amtsblatt Kreis Borken Nr. 35/2026',
        },
      ],
    ],
  },
};

/** The building yard concluded in another legal form: the same story, another contract text. */
function asForm(form: LegalFormId) {
  const steps = () =>
    buildingYardSteps().map((step) => {
      if (step.event.type !== 'DRAFT_CONTRACT') return step;
      const { variant: _variant, ...text } = step.event;
      return { ...step, event: { ...text, legalForm: form } };
    });
  return { opening: OPENING, steps };
}

/** Issue 15, point 6: an OpenAPI document that works when copied. */
describe('OpenAPI at /docs and /docs-json', () => {
  let t: TestApp;
  let doc: {
    info: { title: string; description: string };
    paths: Record<string, Record<string, Operation>>;
  };
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => ({ path, m, op })));

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/docs-json')).body;
  });
  afterAll(() => t.close());

  it('introduces the API in German and English: how to get a token, where the docs are; the page has a title', async () => {
    expect(doc.info.description).toMatch(/Token \/ Anmeldung/);
    expect(doc.info.description).toContain('POST /api/v1/dev/token');
    expect(doc.info.description).toContain('npm run token');
    expect(doc.info.description).toContain('docs/api.md');
    expect(doc.info.description).toMatch(/Then press \*Authorize\*/);
    const page = await t.http.get('/docs/');
    expect(page.text).toContain(`<title>${DOCS_PAGE_TITLE}</title>`);
  });

  it('declares uuid path ids, 429 and 503 everywhere, 201 on creation, 412 on events', () => {
    for (const { path, m, op } of operations()) {
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') {
          expect({ path, p: p.name, format: p.schema.format }).toEqual({
            path,
            p: p.name,
            format: p.name === 'ags' ? undefined : 'uuid',
          });
        }
      }
      expect({ path, m, has: ['429', '503'].filter((s) => s in op.responses) }).toEqual({
        path,
        m,
        has: ['429', '503'],
      });
    }
    for (const path of ['/api/v1/cooperations', '/api/v1/municipalities', '/api/v1/audit/checkpoints']) {
      expect(Object.keys(doc.paths[path].post.responses)).toContain('201');
    }
    expect(Object.keys(doc.paths['/api/v1/cooperations/{id}/events'].post.responses)).toContain('412');
  });

  it('keeps <version> and other placeholders visible: never a bare tag outside a code span', () => {
    const bare: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if ((k === 'description' || k === 'summary') && typeof v === 'string') {
            const outside = v.split(/`[^`]*`/).join('');
            if (/<[A-Za-z][\w-]*>/.test(outside)) bare.push(v);
          } else walk(v);
        }
      }
    };
    walk(doc);
    expect(bare).toEqual([]);
    expect(JSON.stringify(doc.paths['/api/v1/cooperations/{id}'].get)).toContain('`\\"<version>\\"`');
  });

  it('has one named example for every event a client sends, each in the document and sent below', () => {
    const examples =
      doc.paths['/api/v1/cooperations/{id}/events'].post.requestBody!.content['application/json'].examples!;
    expect(API_EVENT_TYPES.filter((type) => !(type in EVENT_EXAMPLES))).toEqual([]);
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual([...API_EVENT_TYPES].sort());
    expect(Object.keys(examples).sort()).toEqual(Object.keys(EVENT_EXAMPLES).sort());
    for (const [name, example] of Object.entries(examples)) expect(example.value.type).toBe(name);
    expect(Object.keys(PLACES).sort()).toEqual(Object.keys(EVENT_EXAMPLES).sort());
  });

  it.each([...API_EVENT_TYPES])(
    'the example of %s is accepted as copied on a fresh cooperation in its phase',
    async (type) => {
      const place = PLACES[type];
      const yard = place.form ? new BuildingYard(t, asForm(place.form)) : new BuildingYard(t);
      await yard.runUntil(place.until);
      if (place.until) yard.at(stepNamed(place.until).at);
      if (place.at) yard.at(new Date(place.at));
      let caseId = '';
      // A case id is the one RAISE_CONFLICT answered (its summary says so).
      const copied = (value: object) => ('caseId' in value ? { ...value, caseId } : value);
      for (const before of place.before ?? []) {
        const [first, actor, body] = typeof before === 'string' ? [before, PLACES[before].actor] : before;
        const res = await yard.send(actor, copied(body ?? EVENT_EXAMPLES[first].value));
        expect({ first, status: res.status, problem: res.status === 200 ? undefined : res.body }).toEqual({
          first,
          status: 200,
          problem: undefined,
        });
        caseId = res.body.escalationCase?.id ?? caseId;
      }
      const res = await yard.send(place.actor, copied(EVENT_EXAMPLES[type].value));
      expect({ type, status: res.status, problem: res.status === 200 ? undefined : res.body }).toEqual({
        type,
        status: 200,
        problem: undefined,
      });
    },
  );
});
