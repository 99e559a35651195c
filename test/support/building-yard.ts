import { randomUUID } from 'node:crypto';
import type { Actor, LifecycleEvent } from '../../src/cooperations/domain';
import { Clock } from '../../src/common/clock';
import { buildingYardSteps, OPENING, type ScenarioStep } from '../fixtures/building-yard.scenario';
import type { TestApp } from './test-app';

/**
 * Drives the domain's building-yard scenario (Heek, Legden, Schöppingen) through the HTTP API:
 * tokens per scenario actor, the server clock set to each step's time, and domain events turned
 * into request bodies (municipalities by AGS).
 */
export class BuildingYard {
  id = '';
  version = 0;
  private readonly tokens = new Map<string, string>();
  private readonly clock: jest.SpiedFunction<() => Date>;

  /** `scenario`: another cast of the same story (e.g. other municipalities); the building yard by default. */
  constructor(
    readonly t: TestApp,
    private readonly scenario: { opening: typeof OPENING; steps: () => ScenarioStep[] } = {
      opening: OPENING,
      steps: buildingYardSteps,
    },
  ) {
    this.clock = jest.spyOn(t.app.get(Clock), 'now');
  }

  /** Moves the server's clock (decision and record time) to `at`. */
  at(at: Date): this {
    this.clock.mockReturnValue(at);
    return this;
  }

  async token(actor: Pick<Actor, 'sub' | 'role' | 'municipality'>): Promise<string> {
    const key = `${actor.sub}/${actor.role}/${actor.municipality ?? ''}`;
    if (!this.tokens.has(key)) {
      this.tokens.set(
        key,
        await this.t.token({
          sub: actor.sub,
          role: actor.role as never,
          ...(actor.municipality ? { municipality: actor.municipality } : {}),
        }),
      );
    }
    return this.tokens.get(key)!;
  }

  async open(): Promise<void> {
    const opening = this.scenario.opening;
    this.at(opening.at);
    const { title, fieldOfWork, motive, description } = opening.input;
    const res = await this.t.http
      .post('/api/v1/cooperations')
      .set('Authorization', `Bearer ${await this.token(opening.actor)}`)
      .send({ title, fieldOfWork, motive, description });
    if (res.status !== 201) throw new Error(`opening failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.id = res.body.id;
    this.version = res.body.version;
  }

  /** Sends a body as `actor`; keeps track of the version when accepted. */
  async send(actor: Actor, body: object, headers: Record<string, string> = {}) {
    const res = await this.t.http
      .post(`/api/v1/cooperations/${this.id}/events`)
      .set('Authorization', `Bearer ${await this.token(actor)}`)
      .set(headers)
      .send(body);
    if (res.status === 200) this.version = res.body.cooperation.version;
    return res;
  }

  /** Sends a scenario step at its time, with If-Match and an Idempotency-Key as a careful client would. */
  async step(step: ScenarioStep) {
    this.at(step.at);
    return this.send(step.actor, toBody(step.event), {
      'If-Match': `"${this.version}"`,
      'Idempotency-Key': randomUUID(),
    });
  }

  /** Opens the cooperation and applies the scenario's steps before `stepName` (all when absent). */
  async runUntil(stepName?: string): Promise<void> {
    await this.open();
    for (const step of this.scenario.steps()) {
      if (step.name === stepName) return;
      const res = await this.step(step);
      if (res.status !== 200) throw new Error(`${step.name}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    if (stepName) throw new Error(`no step ${stepName}`);
  }

  async get(actor: Actor, path = '', options: { query?: object; headers?: Record<string, string> } = {}) {
    return this.t.http
      .get(`/api/v1/cooperations/${this.id}${path}`)
      .query(options.query ?? {})
      .set('Authorization', `Bearer ${await this.token(actor)}`)
      .set(options.headers ?? {});
  }
}

/** The API names municipalities by AGS; the domain's events carry the registry's record. */
export function toBody(event: LifecycleEvent): object {
  return event.type === 'INVITE_PARTNER' ? { ...event, municipality: event.municipality.ags } : event;
}

export const stepNamed = (name: string): ScenarioStep => buildingYardSteps().find((s) => s.name === name)!;
