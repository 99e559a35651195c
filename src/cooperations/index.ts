/*
 * What other contexts may use of cooperations: the module's exported services and the parts of
 * the lifecycle's language (domain types and pure functions) they speak.
 */
export { actorOf } from './application/actor';
export { type Appointment, CooperationCopies } from './application/cooperation-copies';
export { CooperationReader } from './application/get-cooperation.query';
export { TimerScheduler } from './application/timer-scheduler';
export { VisibilityPolicy } from './application/visibility';
export { CooperationsModule } from './cooperations.module';
export {
  type CaseStatus,
  type CaseStep,
  type CooperationContext,
  type EscalationCase,
  escalationQueue,
  findCase,
  mayActOnCase,
  type PersistedState,
  type QueueEntry,
} from './domain';
