/** Public API of the cooperation lifecycle domain (no Nest, no TypeORM). */
export { competentAuthorityView, type CompetentAuthorityView, type AuthorityRef } from './authority-view';
export type { Actor, ActorRole } from './actor';
export {
  addDays,
  addDuration,
  addMonths,
  addWorkingDays,
  type CalendarDate,
  type DurationUnit,
  easterSunday,
  endOfDayInGermany,
  germanDate,
  isCalendarDate,
  isNrwWorkingDay,
  nrwHoliday,
  nrwHolidays,
  type PeriodEnd,
  startOfDayInGermany,
  toEndOf,
  weekday,
} from './calendar';
export type {
  CaseAction,
  CaseOrigin,
  CaseStatus,
  CaseStep,
  Contact,
  ContractAmendment,
  ContractVersion,
  CooperationContext,
  CouncilResolution,
  Dissolution,
  DissolutionProposal,
  DissolutionResolution,
  EscalationCase,
  ExitRequest,
  ExitRequestStatus,
  LoiVersion,
  Member,
  MemberStatus,
  MissedReport,
  PartnerSearchAd,
  PartnerSearchInterest,
  Publication,
  Report,
  ReportingDuties,
  ScheduledTimer,
  Signature,
  SteeringBody,
  SupervisoryStep,
} from './cooperation';
export { adoptedLoi, currentContract, currentLoi, participants } from './cooperation';
export { pendingDeemedApproval } from './supervision';
export { type CooperationState, type LifecycleStateValue, phaseOf, stateToString } from './cooperation-state';
export { type ErasedPerson, withoutPerson } from './person-copies';
export {
  migrateState,
  type PersistedState,
  TERM_END_TIMER_VERSION,
  UnknownDefinitionVersionError,
} from './definition-migrations';
export { describeLifecycle, type LifecycleDescription, lifecycleMermaid } from './describe-machine';
export {
  type Accepted,
  type Decision,
  decide,
  type NextEvent,
  nextEvents,
  OPEN_COOPERATION,
  openCooperation,
  type Opened,
  type Rejected,
  type RejectionKind,
} from './engine';
export {
  bodyMunicipalities,
  caseIdFor,
  conflictLevels,
  escalationQueue,
  findCase,
  levelDeadline,
  mayActInBody,
  mayActOnCase,
  type QueueEntry,
  queueEntryOf,
  type QueueFilter,
  type StoredQueueEntry,
  uuidV5,
} from './escalation';
export * from './events';
export { byDeadline, INBOX_HORIZON_DAYS, inboxOf, type InboxItem, type InboxKind } from './inbox';
export { describeMissing } from './missing-texts';
export {
  type CompetentAuthority,
  competentAuthority,
  type ExitRule,
  type ExitStepField,
  LEGAL_FORM_IDS,
  LEGAL_FORM_RULES,
  type LegalFormId,
  type LegalFormRule,
  legalFormRule,
  ORV_VARIANTS,
  type OrvVariant,
} from './legal-forms';
export {
  LIFECYCLE_DEFINITION_VERSION,
  type LifecycleMachineEvent,
  lifecycleMachine,
  type OpenCooperationInput,
} from './lifecycle.machine';
export {
  OBLIGATION_CATALOG_VERSION,
  obligationNature,
  type ObligationNatureView,
  SUPERVISORY_RULES,
  supervisoryRule,
  type SupervisoryRule,
} from './legal';
export { MOTIVE_IDS, MOTIVES, type MotiveId } from './motives';
export { isNrwAgs, type Ags, MUNICIPALITY_KINDS, type MunicipalityKind, type MunicipalityRef } from './municipality';
export { awaitingResolutions, exitEffectiveOn, openProposal, pendingExit } from './membership';
export {
  evaluate,
  EXIT_PLAN_PARTS,
  OBLIGATION_CHECKS,
  type ObligationResult,
  PAYLOAD_OBLIGATIONS,
  WINDING_UP_PARTS,
} from './obligations';
export {
  type Bilingual,
  isObligationId,
  OBLIGATION_IDS,
  OBLIGATIONS,
  type ObligationDefinition,
  type ObligationId,
  type Phase,
} from './obligations.catalog';
export type { AnySchema, Doc, FieldError, Spec } from './schema';
export {
  findPeriod,
  type PeriodRef,
  periodLabel,
  type ReportingPeriod,
  reportingPeriods,
  reportingSchedules,
  type ReportingSchedule,
  type ReportingStatus,
} from './reporting';
export { type SuccessPoint, type SuccessSeries, successSeries } from './success';
export {
  byDueAt,
  caseDeadlineKey,
  diffTimers,
  isCurrentTimer,
  isSystemEventType,
  noticeEndKey,
  pendingTimers,
  reportDueKey,
  reportGraceKey,
  SYSTEM_ACTOR,
  type SystemEventType,
  type TimerChanges,
  timerKeyOf,
} from './timers';
