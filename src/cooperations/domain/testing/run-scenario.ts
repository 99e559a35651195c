import type { CooperationState } from '../cooperation-state';
import { type Decision, decide, openCooperation } from '../engine';
import { buildingYardSteps, OPENING, type ScenarioStep } from './building-yard.scenario';

/** Opens the building-yard cooperation and applies steps until (excluding) the named one. */
export function stateBefore(stepName?: string): { state: CooperationState; at: Date } {
  const opened = openCooperation(OPENING.input, OPENING.actor, OPENING.at);
  if (!opened.ok) throw new Error(`opening rejected: ${JSON.stringify(opened)}`);
  let state = opened.state;
  let at = OPENING.at;
  for (const step of buildingYardSteps()) {
    if (step.name === stepName) return { state, at: step.at };
    state = accept(decide(state, step.event, step.actor, step.at), step).state;
    at = step.at;
  }
  if (stepName) throw new Error(`no step ${stepName}`);
  return { state, at };
}

export function accept(decision: Decision, step?: Pick<ScenarioStep, 'name'>) {
  if (!decision.ok) throw new Error(`${step?.name ?? 'event'} rejected: ${JSON.stringify(decision, null, 1)}`);
  return decision;
}
