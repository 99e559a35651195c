import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import type { CommandMeta, CommandOutcome } from '../../src/cooperations/application/command-runner';
import type { CooperationView, EventResult } from '../../src/cooperations/application/cooperation-view';
import { OpenCooperationUseCase } from '../../src/cooperations/application/open-cooperation.use-case';
import { type EventCommand, SendEventUseCase } from '../../src/cooperations/application/send-event.use-case';
import type { Actor, LifecycleEvent } from '../../src/cooperations/domain';
import { COOPERATIONS_PATH } from '../../src/cooperations/http/cooperations.controller';
import { requestFingerprint } from '../../src/cooperations/http/request-conditions';
import { toBody } from './building-yard';
import { buildingYardSteps, OPENING, type ScenarioStep } from '../fixtures/building-yard.scenario';
import type { TestModule } from './test-module';

/** The scenario's actor as the caller the use cases take. */
export const principalOf = (actor: Pick<Actor, 'sub' | 'role' | 'municipality'>): Principal => ({
  sub: actor.sub,
  role: actor.role as Principal['role'],
  ...(actor.municipality ? { municipality: actor.municipality } : {}),
});

/** What the building yard's opening sends. */
export const openingCommand = () => {
  const { title, fieldOfWork, motive, description } = OPENING.input;
  return { title, fieldOfWork, motive, description };
};

/** Command metadata as the HTTP edge computes it (the fingerprint of method, path and body). */
export const openingMeta = (body: object, extra: Partial<CommandMeta> = {}): CommandMeta => ({
  requestId: null,
  fingerprint: requestFingerprint('POST', COOPERATIONS_PATH, body),
  ...extra,
});
export const eventMeta = (id: string, body: object, extra: Partial<CommandMeta> = {}): CommandMeta => ({
  requestId: null,
  fingerprint: requestFingerprint('POST', `${COOPERATIONS_PATH}/${id}/events`, body),
  ...extra,
});

/** `If-Match: "<version>"`. */
export const ifMatch = (version: number) => ({ precondition: { any: false, versions: [version] } });

/**
 * The building-yard scenario (Heek, Legden, Schöppingen) driven through the use cases, the way
 * `BuildingYard` drives it through HTTP: the module's clock set to each step's time, domain events
 * turned into the commands the edge hands over (municipalities by AGS).
 */
export class UseCaseYard {
  id = '';
  version = 0;

  constructor(readonly m: TestModule) {}

  at(at: Date): this {
    this.m.clock.set(at);
    return this;
  }

  async open(meta: Partial<CommandMeta> = {}, actor: Actor = OPENING.actor): Promise<CommandOutcome<CooperationView>> {
    this.at(OPENING.at);
    const body = openingCommand();
    const outcome = await this.m.get(OpenCooperationUseCase).execute(body, principalOf(actor), openingMeta(body, meta));
    this.id = outcome.cooperationId;
    this.version = outcome.version;
    return outcome;
  }

  /** Sends an event (domain or API shape) as `actor`; keeps track of the version. */
  async send(
    actor: Actor,
    event: LifecycleEvent | EventCommand,
    meta: Partial<CommandMeta> = {},
  ): Promise<CommandOutcome<EventResult>> {
    // Domain events name municipalities by record, commands by AGS (as the API takes them).
    const body = (
      typeof (event as { municipality?: unknown }).municipality === 'object' ? toBody(event as LifecycleEvent) : event
    ) as EventCommand;
    const outcome = await this.m
      .get(SendEventUseCase)
      .execute(this.id, body, principalOf(actor), eventMeta(this.id, body, meta));
    this.version = outcome.version;
    return outcome;
  }

  /** A scenario step at its time, with If-Match and an Idempotency-Key as a careful client sends it. */
  step(step: ScenarioStep): Promise<CommandOutcome<EventResult>> {
    this.at(step.at);
    return this.send(step.actor, step.event, { idempotencyKey: randomUUID(), ...ifMatch(this.version) });
  }

  /** Opens the cooperation and applies the steps before `stepName` (all when absent). */
  async runUntil(stepName?: string): Promise<void> {
    await this.open();
    for (const step of buildingYardSteps()) {
      if (step.name === stepName) return;
      await this.step(step);
    }
    if (stepName) throw new Error(`no step ${stepName}`);
  }
}

export { stepNamed } from './building-yard';
