import type { LifecycleEventType } from '../events';
import { ABANDON, APPOINT_CONTACT } from './common.rules';
import * as contract from './contract.rules';
import * as loi from './letter-of-intent.rules';
import * as partnerSearch from './partner-search.rules';
import * as planning from './planning.rules';
import type { EventRule } from './rule';

export type { EventMeta, EventRule } from './rule';

export const EVENT_RULES: { readonly [T in LifecycleEventType]: EventRule<T> } = {
  INVITE_PARTNER: partnerSearch.INVITE_PARTNER,
  ACCEPT_INVITATION: partnerSearch.ACCEPT_INVITATION,
  DECLINE_INVITATION: partnerSearch.DECLINE_INVITATION,
  WITHDRAW_INVITATION: partnerSearch.WITHDRAW_INVITATION,
  LEAVE_PARTNER_SEARCH: partnerSearch.LEAVE_PARTNER_SEARCH,
  APPOINT_CONTACT,
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
};

export const EVENT_TYPES = Object.keys(EVENT_RULES) as LifecycleEventType[];

export function isEventType(value: unknown): value is LifecycleEventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_RULES, value);
}
