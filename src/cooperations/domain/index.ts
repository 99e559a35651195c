/** Public API of the cooperation lifecycle domain (no Nest, no TypeORM). */
export type { Actor, ActorRole } from './actor';
export { addDays, type CalendarDate, germanDate, isCalendarDate } from './calendar';
export type {
  Contact,
  ContractAmendment,
  ContractVersion,
  CooperationContext,
  CouncilResolution,
  Instant,
  LoiVersion,
  Member,
  MemberStatus,
  ReportingDuties,
  Signature,
  SteeringBody,
  SupervisoryStep,
} from './cooperation';
export { currentContract, currentLoi, participants } from './cooperation';
export { type CooperationState, type LifecycleStateValue, stateToString } from './cooperation-state';
export { migrateState, type PersistedState, UnknownDefinitionVersionError } from './definition-migrations';
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
export * from './events';
export {
  canonicalize,
  type ChainVerification,
  chainEntry,
  CONTENT_FIELDS,
  entryContent,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  hashEntry,
  sha256hex,
  verifyChain,
} from './hash-chain';
export {
  type CompetentAuthority,
  competentAuthority,
  LEGAL_FORM_IDS,
  LEGAL_FORM_RULES,
  type LegalFormId,
  type LegalFormRule,
  legalFormRule,
  ORV_VARIANTS,
  type OrvVariant,
  type SupervisoryRequirement,
} from './legal-forms';
export {
  LIFECYCLE_DEFINITION_VERSION,
  type LifecycleMachineEvent,
  lifecycleMachine,
  type OpenCooperationInput,
} from './lifecycle.machine';
export { MOTIVE_IDS, MOTIVES, type MotiveId } from './motives';
export { isAgs, type Ags, MUNICIPALITY_KINDS, type MunicipalityKind, type MunicipalityRef } from './municipality';
export { evaluate, OBLIGATION_CHECKS, type ObligationResult } from './obligations';
export {
  type Bilingual,
  isObligationId,
  OBLIGATION_IDS,
  OBLIGATIONS,
  type ObligationDefinition,
  type ObligationId,
  type Phase,
} from './obligations.catalog';
export { EVENT_TYPES, isEventType } from './phases';
export type { FieldError } from './schema';
