import type { AnySchema, Infer, Schema } from '../schema';
import * as amendment from './amendment.events';
import * as contract from './contract.events';
import * as correction from './correction.events';
import * as legal from './legal.events';
import * as loi from './letter-of-intent.events';
import * as operation from './operation.events';
import * as partnerSearch from './partner-search.events';
import * as planning from './planning.events';
import * as procedure from './procedure.events';
import * as publication from './publication.events';
import * as system from './system.events';

/*
 * The lifecycle events, each described ONCE by its schema in `<phase>.events.ts`: fields, limits
 * and (German / English) descriptions. The event types are inferred from the schemas; the
 * business rules live in `phases/*.rules.ts`; the HTTP DTOs and OpenAPI schemas are compiled from
 * these schemas at the edge (`dto/event.dto.ts`). Payloads are flat beside `type`.
 */

export * from './amendment.events';
export * from './contract.events';
export * from './correction.events';
export * from './legal.events';
export * from './letter-of-intent.events';
export * from './operation.events';
export * from './partner-search.events';
export * from './planning.events';
export * from './procedure.events';
export * from './publication.events';
export * from './system.events';

/** Each schema's key is its `type` literal (checked by the constraint). */
const byType = <M extends { readonly [K in keyof M]: Schema<{ type: K }> }>(schemas: M): M => schemas;

export const EVENT_SCHEMAS = byType({
  INVITE_PARTNER: partnerSearch.invitePartner,
  ACCEPT_INVITATION: partnerSearch.acceptInvitation,
  DECLINE_INVITATION: partnerSearch.declineInvitation,
  WITHDRAW_INVITATION: partnerSearch.withdrawInvitation,
  LEAVE_PARTNER_SEARCH: partnerSearch.leavePartnerSearch,
  APPOINT_CONTACT: partnerSearch.appointContact,
  CONFIRM_CONTACT_APPOINTMENT: partnerSearch.confirmContactAppointment,
  START_LETTER_OF_INTENT: partnerSearch.startLetterOfIntent,
  PUBLISH_PARTNER_SEARCH: publication.publishPartnerSearch,
  CLOSE_PARTNER_SEARCH: publication.closePartnerSearch,
  EXPRESS_INTEREST: publication.expressInterest,
  AGREE_TO_PUBLICATION: publication.agreeToPublication,
  REVOKE_PUBLICATION_AGREEMENT: publication.revokePublicationAgreement,
  CONSENT_TO_CONTACT_PUBLICATION: publication.consentToContactPublication,
  REVOKE_CONTACT_CONSENT: publication.revokeContactConsent,
  DRAFT_LOI: loi.draftLoi,
  SIGN_LOI: loi.signLoi,
  ADOPT_LOI: loi.adoptLoi,
  DEFINE_STEERING_BODY: planning.defineSteeringBody,
  DEFINE_REPORTING_DUTIES: planning.defineReportingDuties,
  START_CONTRACT: planning.startContract,
  DRAFT_CONTRACT: contract.draftContract,
  RECORD_COUNCIL_RESOLUTION: contract.recordCouncilResolution,
  RECORD_SUPERVISORY_STEP: contract.recordSupervisoryStep,
  SIGN_CONTRACT: contract.signContract,
  PUT_INTO_FORCE: contract.putIntoForce,
  RECORD_MEMBER_NOTIFICATION: legal.recordMemberNotification,
  WAIVE_OBLIGATION: legal.waiveObligation,
  ABANDON: partnerSearch.abandon,
  SUBMIT_REPORT: operation.submitReport,
  CORRECT_REPORT: correction.correctReport,
  ACKNOWLEDGE_REPORT: operation.acknowledgeReport,
  RAISE_CONFLICT: operation.raiseConflict,
  RESOLVE_CASE: operation.resolveCase,
  ESCALATE_CASE: operation.escalateCase,
  DECLARE_CASE_FAILED: operation.declareCaseFailed,
  REQUEST_EXIT: operation.requestExit,
  WITHDRAW_EXIT_REQUEST: operation.withdrawExitRequest,
  PROPOSE_DISSOLUTION: operation.proposeDissolution,
  RECORD_DISSOLUTION_RESOLUTION: operation.recordDissolutionResolution,
  RECORD_WINDING_UP: operation.recordWindingUp,
  PROPOSE_AMENDMENT: amendment.proposeAmendment,
  PUT_AMENDMENT_INTO_FORCE: amendment.putAmendmentIntoForce,
  WITHDRAW_AMENDMENT: amendment.withdrawAmendment,
  SIGN_AMENDMENT: procedure.signAmendment,
  RECORD_ASSEMBLY_VOTE: procedure.recordAssemblyVote,
  RECORD_TERMINATION_RECEIPT: procedure.recordTerminationReceipt,
  RECORD_TERMINATION_PUBLICATION: procedure.recordTerminationPublication,
  REPORT_DUE: system.reportDue,
  REPORT_GRACE_EXPIRED: system.reportGraceExpired,
  CASE_DEADLINE_PASSED: system.caseDeadlinePassed,
  NOTICE_PERIOD_ENDED: system.noticePeriodEnded,
  TERM_ENDED: system.termEnded,
});

type EventSchemas = typeof EVENT_SCHEMAS;
export type LifecycleEventType = keyof EventSchemas;
export type EventOfType<T extends LifecycleEventType> = Infer<EventSchemas[T]>;
export type LifecycleEvent = { [T in LifecycleEventType]: EventOfType<T> }[LifecycleEventType];

export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as LifecycleEventType[];

export function isEventType(value: unknown): value is LifecycleEventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_SCHEMAS, value);
}

/** The schema of an event type, for code that handles any event. */
export const eventSchema = (type: LifecycleEventType): AnySchema => EVENT_SCHEMAS[type];

/**
 * What a client sends, where it differs from the event the domain decides: municipalities by key
 * (the use case looks the registry records up).
 */
const REQUEST_SCHEMAS: { readonly [T in LifecycleEventType]?: AnySchema } = {
  INVITE_PARTNER: partnerSearch.invitePartnerRequest,
  PROPOSE_AMENDMENT: amendment.proposeAmendmentRequest,
};

/** The schema of a request body for an event type (over HTTP). */
export const requestSchema = (type: LifecycleEventType): AnySchema => REQUEST_SCHEMAS[type] ?? EVENT_SCHEMAS[type];
