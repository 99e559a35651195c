import type { LifecycleEventType } from '../events';
import { ABANDON, APPOINT_CONTACT, CONFIRM_CONTACT_APPOINTMENT } from './common.rules';
import * as amendment from './amendment.rules';
import * as contract from './contract.rules';
import { CORRECT_REPORT } from './correction.rules';
import * as dissolution from './dissolution.rules';
import * as escalation from './escalation.rules';
import * as legal from './legal.rules';
import * as loi from './letter-of-intent.rules';
import * as membership from './membership.rules';
import * as partnerSearch from './partner-search.rules';
import * as planning from './planning.rules';
import * as steps from './procedure-steps.rules';
import * as reporting from './reporting.rules';
import type { EventRule } from './rule';
import { TERM_ENDED } from './term.rules';

export type { EventRule } from './rule';
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
  RECORD_MEMBER_NOTIFICATION: legal.RECORD_MEMBER_NOTIFICATION,
  WAIVE_OBLIGATION: legal.WAIVE_OBLIGATION,
  ABANDON,
  SUBMIT_REPORT: reporting.SUBMIT_REPORT,
  CORRECT_REPORT,
  ACKNOWLEDGE_REPORT: reporting.ACKNOWLEDGE_REPORT,
  RAISE_CONFLICT: escalation.RAISE_CONFLICT,
  RESOLVE_CASE: escalation.RESOLVE_CASE,
  ESCALATE_CASE: escalation.ESCALATE_CASE,
  DECLARE_CASE_FAILED: escalation.DECLARE_CASE_FAILED,
  REQUEST_EXIT: membership.REQUEST_EXIT,
  WITHDRAW_EXIT_REQUEST: membership.WITHDRAW_EXIT_REQUEST,
  PROPOSE_DISSOLUTION: dissolution.PROPOSE_DISSOLUTION,
  RECORD_DISSOLUTION_RESOLUTION: dissolution.RECORD_DISSOLUTION_RESOLUTION,
  RECORD_WINDING_UP: dissolution.RECORD_WINDING_UP,
  PROPOSE_AMENDMENT: amendment.PROPOSE_AMENDMENT,
  PUT_AMENDMENT_INTO_FORCE: amendment.PUT_AMENDMENT_INTO_FORCE,
  WITHDRAW_AMENDMENT: amendment.WITHDRAW_AMENDMENT,
  SIGN_AMENDMENT: steps.SIGN_AMENDMENT,
  RECORD_ASSEMBLY_VOTE: steps.RECORD_ASSEMBLY_VOTE,
  RECORD_TERMINATION_RECEIPT: steps.RECORD_TERMINATION_RECEIPT,
  RECORD_TERMINATION_PUBLICATION: steps.RECORD_TERMINATION_PUBLICATION,
  REPORT_DUE: reporting.REPORT_DUE,
  REPORT_GRACE_EXPIRED: reporting.REPORT_GRACE_EXPIRED,
  CASE_DEADLINE_PASSED: escalation.CASE_DEADLINE_PASSED,
  NOTICE_PERIOD_ENDED: membership.NOTICE_PERIOD_ENDED,
  TERM_ENDED,
};
