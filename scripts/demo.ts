/**
 * `npm run demo`: fills a running server with realistic cooperations over its public HTTP API
 * (development sign-in, POST …/events) and prints whom to sign in as. Stories from
 * docs/scenarios.md (copied from shared/docs/scenarios.md): the joint building yard of three Kreis Borken municipalities in several
 * casts and phases, an IT shared service in the Kreis Soest, a procurement office of Münster and
 * Telgte. A cooperation whose title is already there is left alone, so a second run adds nothing.
 *   npm run demo [-- --url http://localhost:3000]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  buildingYardSteps,
  CONTRACT_DRAFT,
  HEEK,
  LEGDEN,
  OPENING,
  SCHOEPPINGEN,
  type ScenarioStep,
} from '../test/fixtures/building-yard.scenario';
import { EXIT_PLAN_SCHOEPPINGEN } from '../test/fixtures/operation-phase.scenario';

const USAGE = `npm run demo [-- --url <server>]

Füllt einen laufenden Server über seine HTTP-API mit Beispielkooperationen in allen Phasen und
nennt die Anmeldungen dafür. / Fills a running server with sample cooperations in every phase
over its HTTP API and prints whom to sign in as.

  --url <url>   server base URL (default http://localhost:3000)
  --help        this text`;

type Role = 'coordinator' | 'steering-board';
interface Cast {
  lead: { ags: string; name: string };
  partners: Array<{ ags: string; name: string }>;
}
interface Story {
  title: string;
  phase: string;
  lead: string;
  run: (api: DemoApi) => Promise<void>;
}
export interface DemoResult {
  cooperations: Array<{ title: string; id: string; state: string; created: boolean }>;
  signIns: Array<{ role: Role; municipality: string; name: string; sub: string; note: string }>;
}

/** The sub the console's development sign-in gives a role of a municipality by default. */
const subOf = (role: Role, ags: string) => `${role}-${ags}`;

/** Talks to the server as its users do: development tokens, JSON, If-Match and Idempotency-Key. */
class DemoApi {
  id = '';
  version = 0;
  private readonly tokens = new Map<string, string>();

  constructor(readonly base: string) {}

  async token(role: Role, ags: string): Promise<string> {
    const key = `${role}/${ags}`;
    if (!this.tokens.has(key)) {
      const res = await this.request('POST', '/api/v1/dev/token', undefined, { role, municipality: ags });
      this.tokens.set(key, (res.body as { token: string }).token);
    }
    return this.tokens.get(key)!;
  }

  async request(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (res.status >= 400) {
      const problem = parsed as { title?: string; detail?: string; errors?: unknown; obligations?: unknown };
      throw new Error(
        `${method} ${path}: ${res.status} ${problem?.title ?? ''} ${problem?.detail ?? ''} ` +
          JSON.stringify(problem?.errors ?? problem?.obligations ?? ''),
      );
    }
    return { status: res.status, body: parsed };
  }

  async existing(title: string, leadAgs: string): Promise<{ id: string; state: string } | undefined> {
    const token = await this.token('coordinator', leadAgs);
    const res = await this.request('GET', `/api/v1/cooperations?q=${encodeURIComponent(title)}`, token);
    return (res.body as { items: Array<{ id: string; state: string; title: string }> }).items.find(
      (c) => c.title === title,
    );
  }

  async open(title: string, fieldOfWork: string, description: string, leadAgs: string): Promise<void> {
    const body = { title, fieldOfWork, motive: OPENING.input.motive, description };
    const res = await this.request('POST', '/api/v1/cooperations', await this.token('coordinator', leadAgs), body, {
      'Idempotency-Key': randomUUID(),
    });
    ({ id: this.id, version: this.version } = res.body as { id: string; version: number });
  }

  async send(role: Role, ags: string, event: object): Promise<{ state: string }> {
    const res = await this.request(
      'POST',
      `/api/v1/cooperations/${this.id}/events`,
      await this.token(role, ags),
      event,
      {
        'If-Match': `"${this.version}"`,
        'Idempotency-Key': randomUUID(),
      },
    );
    const cooperation = (res.body as { cooperation: { version: number; state: string } }).cooperation;
    this.version = cooperation.version;
    return cooperation;
  }
}

// ---- the stories ---------------------------------------------------------------------------

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
/** The first day of the current quarter: reporting periods from it, so this quarter's report is due. */
function quarterStart(): string {
  const [y, m] = today().split('-').map(Number);
  return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/** The building yard's steps with another cast: keys, names, the appointed contacts' subs. */
function recast<T>(value: T, cast: Cast): T {
  const original = [HEEK, LEGDEN, SCHOEPPINGEN];
  const cities = [cast.lead, ...cast.partners];
  let json = JSON.stringify(value);
  original.forEach((m, i) => {
    json = json
      .replaceAll(m.ags, cities[i].ags)
      .replaceAll(
        `coord-${m.name === 'Schöppingen' ? 'schoeppingen' : m.name.toLowerCase()}`,
        subOf('coordinator', cities[i].ags),
      );
  });
  return JSON.parse(json) as T;
}

function yardSteps(cast: Cast, termStart: string): ScenarioStep[] {
  return recast(buildingYardSteps(), cast).map((s) =>
    s.event.type === 'DRAFT_CONTRACT'
      ? { ...s, event: { ...CONTRACT_DRAFT, ...s.event, term: { start: termStart, end: null } } }
      : s,
  );
}

/** Sends the building yard's steps up to (without) `until`; the API names municipalities by key. */
async function yard(api: DemoApi, cast: Cast, until: string | undefined, termStart: string): Promise<void> {
  for (const step of yardSteps(cast, termStart)) {
    if (step.name === until) return;
    const event = step.event;
    const body = event.type === 'INVITE_PARTNER' ? { ...event, municipality: event.municipality.ags } : event;
    await api.send('coordinator', step.actor.municipality!, body);
  }
}

const yardTitle = (cast: Cast) => `Gemeinsamer Bauhof ${[cast.lead, ...cast.partners].map((m) => m.name).join(' – ')}`;
const yardDescription = (cast: Cast) =>
  OPENING.input.description
    .replace('Heek, Legden und Schöppingen', `${cast.lead.name}, ${cast.partners[0].name} und ${cast.partners[1].name}`)
    .replace('Gemeinde Heek', cast.lead.name);

function yardStory(cast: Cast, phase: string, then: (api: DemoApi) => Promise<void>, until?: string): Story {
  return {
    title: yardTitle(cast),
    phase,
    lead: cast.lead.ags,
    run: async (api) => {
      await api.open(yardTitle(cast), 'Bauhof', yardDescription(cast), cast.lead.ags);
      await yard(api, cast, until, until ? CONTRACT_DRAFT.term.start : quarterStart());
      await then(api);
    },
  };
}

const ACTIVE_YARD: Cast = { lead: HEEK, partners: [LEGDEN, SCHOEPPINGEN] };
const EXIT_YARD: Cast = {
  lead: { ags: '05554004', name: 'Ahaus' },
  partners: [
    { ags: '05554016', name: 'Gescher' },
    { ags: '05554056', name: 'Stadtlohn' },
  ],
};
const DISSOLVED_YARD: Cast = {
  lead: { ags: '05554064', name: 'Velen' },
  partners: [
    { ags: '05554044', name: 'Reken' },
    { ags: '05554028', name: 'Heiden' },
  ],
};
const CONTRACT_YARD: Cast = {
  lead: { ags: '05554068', name: 'Vreden' },
  partners: [
    { ags: '05554060', name: 'Südlohn' },
    { ags: '05554012', name: 'Borken' },
  ],
};
const nothing = async () => {};

function stories(): Story[] {
  const [gescher, stadtlohn] = EXIT_YARD.partners;
  const [reken, heiden] = DISSOLVED_YARD.partners;
  const soest = { ags: '05974040', name: 'Soest' };
  const werl = { ags: '05974052', name: 'Werl' };
  const lippstadt = { ags: '05974028', name: 'Lippstadt' };
  const muenster = '05515000';
  const telgte = '05570044';
  return [
    {
      title: 'Gemeinsame Vergabestelle Münster – Telgte',
      phase: 'partnerSearch',
      lead: muenster,
      run: async (api) => {
        await api.open(
          'Gemeinsame Vergabestelle Münster – Telgte',
          'Vergabestelle',
          'Die Stadt Münster führt die Vergabeverfahren der Stadt Telgte über ihre Vergabestelle durch (e-Vergabe, Beratung der Fachämter); halbjährliche Berichte.',
          muenster,
        );
        await api.send('coordinator', muenster, { type: 'INVITE_PARTNER', municipality: telgte });
      },
    },
    {
      title: 'IT-Dienstleistungszentrum Soest – Werl – Lippstadt',
      phase: 'letterOfIntent',
      lead: soest.ags,
      run: async (api) => {
        const cast: Cast = { lead: soest, partners: [werl, lippstadt] };
        await api.open(
          'IT-Dienstleistungszentrum Soest – Werl – Lippstadt',
          'IT und Digitalisierung',
          'Soest, Werl und Lippstadt bündeln Rechenzentrum, Fachverfahren und IT-Sicherheit in einem gemeinsamen Dienstleistungszentrum mit Sitz in Soest.',
          soest.ags,
        );
        await yard(api, cast, 'sign-loi-legden', CONTRACT_DRAFT.term.start);
      },
    },
    yardStory(CONTRACT_YARD, 'contract', nothing, 'sign-contract-heek'),
    yardStory(ACTIVE_YARD, 'active: report due, escalation case open', async (api) => {
      await api.send('coordinator', LEGDEN.ags, {
        type: 'RAISE_CONFLICT',
        subject: 'Kostenverteilung Winterdienst',
        description: 'Legden bestreitet die Abrechnung der Einsatzstunden im Winterdienst.',
        parties: [HEEK.ags],
      });
    }),
    yardStory(EXIT_YARD, 'active: exit under notice', async (api) => {
      await api.send('coordinator', stadtlohn.ags, {
        type: 'REQUEST_EXIT',
        reasons:
          'Stadtlohn übernimmt den Bauhof wieder in eigener Regie; eigene Aufgabenerfüllung ist wirtschaftlicher.',
        conflictProcedureNotApplicable: 'Kein Konflikt: Stadtlohn ändert seine Organisationsentscheidung.',
        exitPlan: EXIT_PLAN_SCHOEPPINGEN,
        formSpecificStep: { authority: 'Landrat des Kreises Borken', notifiedOn: today() },
      });
      for (const partner of [EXIT_YARD.lead, gescher]) {
        await api.send('coordinator', partner.ags, {
          type: 'RECORD_TERMINATION_RECEIPT',
          municipality: stadtlohn.ags,
          receivedOn: today(),
        });
      }
    }),
    yardStory(DISSOLVED_YARD, 'dissolved', async (api) => {
      await api.send('coordinator', reken.ags, {
        type: 'PROPOSE_DISSOLUTION',
        reason: 'Die Aufgaben gehen an den Kreis über; der gemeinsame Bauhof wird aufgelöst.',
      });
      for (const [i, m] of [DISSOLVED_YARD.lead, reken, heiden].entries()) {
        await api.send('coordinator', m.ags, {
          type: 'RECORD_DISSOLUTION_RESOLUTION',
          body: 'Rat',
          date: today(),
          reference: `Vorlage ${today().slice(0, 4)}/${101 + i}`,
          agreed: true,
        });
      }
      // § 24(5) GkG NRW: the Aufhebung of an öffentlich-rechtliche Vereinbarung is notified to the
      // supervisory authority and published like the agreement itself.
      await api.send('coordinator', DISSOLVED_YARD.lead.ags, {
        type: 'RECORD_SUPERVISORY_STEP',
        kind: 'notification',
        authority: 'Landrat des Kreises Borken',
        submittedOn: today(),
        publishedOn: today(),
        gazetteReference: `Amtsblatt Kreis Borken Nr. 12/${today().slice(0, 4)}`,
      });
      await api.send('coordinator', DISSOLVED_YARD.lead.ags, {
        type: 'RECORD_WINDING_UP',
        assets: 'Gemeinsam beschaffte Geräte gehen zum Restbuchwert an Velen; Ausgleich an Reken und Heiden.',
        staff: 'Die abgeordneten Beschäftigten kehren zu ihren Gemeinden zurück.',
        data: 'Einsatz- und Kostendaten werden an alle Beteiligten exportiert.',
        openObligations: 'Schlussabrechnung durch Velen bis zum 31.03. des Folgejahres.',
      });
    }),
  ];
}

/** Runs every story not there yet against `base`; `log` gets one line per cooperation. */
export async function runDemo(base: string, log: (line: string) => void = () => {}): Promise<DemoResult> {
  const result: DemoResult = { cooperations: [], signIns: [] };
  for (const story of stories()) {
    const api = new DemoApi(base.replace(/\/+$/, ''));
    const there = await api.existing(story.title, story.lead);
    if (there) {
      log(`= ${story.title}: schon vorhanden / already there (${there.state})`);
      result.cooperations.push({ title: story.title, id: there.id, state: there.state, created: false });
      continue;
    }
    await story.run(api);
    const token = await api.token('coordinator', story.lead);
    const state = ((await api.request('GET', `/api/v1/cooperations/${api.id}`, token)).body as { state: string }).state;
    log(`+ ${story.title} — ${story.phase}: ${state}`);
    result.cooperations.push({ title: story.title, id: api.id, state, created: true });
  }
  result.signIns = [
    { role: 'coordinator', ...HEEK, note: 'Federführung Bauhof (aktiv): Bericht fällig, Konfliktfall offen' },
    { role: 'coordinator', ...LEGDEN, note: 'Partner: hat den Konfliktfall eröffnet' },
    { role: 'steering-board', ...LEGDEN, note: 'Lenkungsausschuss: darf den Fall entscheiden' },
    { role: 'coordinator', ...CONTRACT_YARD.partners[0], note: 'Vertragsphase: eigene Unterschrift fehlt' },
    { role: 'coordinator', ags: '05974052', name: 'Werl', note: 'Absichtserklärung: Unterschrift fehlt' },
    { role: 'coordinator', ags: '05570044', name: 'Telgte', note: 'offene Einladung der Stadt Münster' },
  ].map(({ role, ags, name, note }) => ({
    role: role as Role,
    municipality: ags,
    name,
    sub: subOf(role as Role, ags),
    note,
  }));
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { url: { type: 'string', default: 'http://localhost:3000' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const url = values.url;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`Demo-Daten für ${url} / demo data for ${url}`);
  const result = await runDemo(url, log);
  log('\nAnmelden (Konsole → Entwicklungs-Anmeldung: Rolle und Kommune wählen) / sign in:');
  for (const s of result.signIns) {
    log(`  ${s.role.padEnd(15)} ${`${s.name} (${s.municipality})`.padEnd(24)} ${s.note}`);
  }
  log(`\nKonsole / console: ${url}   API-Doku / API docs: ${url}/docs`);
  log(
    `Token für curl: npm run -s token -- --role coordinator --municipality ${HEEK.ags} --sub ${subOf('coordinator', HEEK.ags)}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const refused = /ECONNREFUSED|fetch failed/.test(message);
    console.error(
      refused
        ? `Kein Server unter der URL – erst "npm start" / no server at that URL — run "npm start" first (${message})`
        : message,
    );
    process.exit(1);
  });
}
