/*
 * What other contexts may use of cooperations: the module's exported services and the parts of
 * the lifecycle's language (domain types and pure functions) they speak.
 */
export { actorOf } from './application/actor';
export { type Appointment, CooperationCopies } from './application/cooperation-copies';
export { CooperationReader } from './application/get-cooperation.query';
export { SuccessQuery, type SuccessView } from './application/success.query';
export { TimerScheduler } from './application/timer-scheduler';
export { VisibilityPolicy } from './application/visibility';
export { CooperationsModule } from './cooperations.module';
export {
  type Bilingual,
  type CaseStatus,
  type CaseStep,
  type CooperationContext,
  currentContract,
  type EscalationCase,
  eventSchema,
  findCase,
  germanDate,
  isObligationId,
  mayActInBody,
  mayActOnCase,
  OBLIGATIONS,
  type PersistedState,
  participants,
  phaseOf,
  type QueueEntry,
  queueEntryOf,
  type StoredQueueEntry,
  REGIERUNGSBEZIRKE,
  stateToString,
  type SuccessSeries,
} from './domain';
