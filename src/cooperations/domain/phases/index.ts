import type { LifecycleEventType } from '../events';
import { ABANDON, APPOINT_CONTACT, CONFIRM_CONTACT_APPOINTMENT } from './common.rules';
import * as contract from './contract.rules';
import * as loi from './letter-of-intent.rules';
import * as operation from './operation.rules';
import * as partnerSearch from './partner-search.rules';
import * as planning from './planning.rules';
import type { EventRule } from './rule';

export type { EventMeta, EventRule } from './rule';
// Tests enumerate the event types from here, beside the rules.
export { EVENT_TYPES, isEventType } from '../events';

export const EVENT_RULES: { readonly [T in LifecycleEventType]: EventRule<T> } = {
  INVITE_PARTNER: partnerSearch.INVITE_PARTNER,
  ACCEPT_INVITATION: partnerSearch.ACCEPT_INVITATION,
  DECLINE_INVITATION: partnerSearch.DECLINE_INVITATION,
  WITHDRAW_INVITATION: partnerSearch.WITHDRAW_INVITATION,
  LEAVE_PARTNER_SEARCH: partnerSearch.LEAVE_PARTNER_SEARCH,
  APPOINT_CONTACT,
  CONFIRM_CONTACT_APPOINTMENT,
  START_LETTER_OF_INTENT: partnerSearch.START_LETTER_OF_INTENT,
  DRAFT_LOI: loi.DRAFT_LOI,
  SIGN_LOI: loi.SIGN_LOI,
  ADOPT_LOI: loi.ADOPT_LOI,
  DEFINE_STEERING_BODY: planning.DEFINE_STEERING_BODY,
  DEFINE_REPORTING_DUTIES: planning.DEFINE_REPORTING_DUTIES,
  START_CONTRACT: planning.START_CONTRACT,
  DRAFT_CONTRACT: contract.DRAFT_CONTRACT,
  RECORD_COUNCIL_RESOLUTION: contract.RECORD_COUNCIL_RESOLUTION,
  RECORD_SUPERVISORY_STEP: contract.RECORD_SUPERVISORY_STEP,
  SIGN_CONTRACT: contract.SIGN_CONTRACT,
  PUT_INTO_FORCE: contract.PUT_INTO_FORCE,
  ABANDON,
  SUBMIT_REPORT: operation.SUBMIT_REPORT,
  ACKNOWLEDGE_REPORT: operation.ACKNOWLEDGE_REPORT,
  RAISE_CONFLICT: operation.RAISE_CONFLICT,
  RESOLVE_CASE: operation.RESOLVE_CASE,
  ESCALATE_CASE: operation.ESCALATE_CASE,
  DECLARE_CASE_FAILED: operation.DECLARE_CASE_FAILED,
  REQUEST_EXIT: operation.REQUEST_EXIT,
  WITHDRAW_EXIT_REQUEST: operation.WITHDRAW_EXIT_REQUEST,
  PROPOSE_DISSOLUTION: operation.PROPOSE_DISSOLUTION,
  RECORD_DISSOLUTION_RESOLUTION: operation.RECORD_DISSOLUTION_RESOLUTION,
  RECORD_WINDING_UP: operation.RECORD_WINDING_UP,
  REPORT_DUE: operation.REPORT_DUE,
  REPORT_GRACE_EXPIRED: operation.REPORT_GRACE_EXPIRED,
  CASE_DEADLINE_PASSED: operation.CASE_DEADLINE_PASSED,
  NOTICE_PERIOD_ENDED: operation.NOTICE_PERIOD_ENDED,
};
