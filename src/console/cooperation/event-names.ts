import i18n from '../i18n';

/** Short names of the events for buttons and headings: [German, English]. */
const NAMES: Record<string, [string, string]> = {
  INVITE_PARTNER: ['Partner einladen', 'Invite a partner'],
  ACCEPT_INVITATION: ['Einladung annehmen', 'Accept the invitation'],
  DECLINE_INVITATION: ['Einladung ablehnen', 'Decline the invitation'],
  WITHDRAW_INVITATION: ['Einladung zurückziehen', 'Withdraw an invitation'],
  LEAVE_PARTNER_SEARCH: ['Partnersuche verlassen', 'Leave the partner search'],
  APPOINT_CONTACT: ['Ansprechperson benennen', 'Appoint the contact person'],
  START_LETTER_OF_INTENT: ['Absichtserklärung beginnen', 'Start the letter of intent'],
  DRAFT_LOI: ['Absichtserklärung entwerfen', 'Draft the letter of intent'],
  SIGN_LOI: ['Absichtserklärung unterzeichnen', 'Sign the letter of intent'],
  ADOPT_LOI: ['Absichtserklärung annehmen', 'Adopt the letter of intent'],
  DEFINE_STEERING_BODY: ['Lenkungsgremium festlegen', 'Define the steering body'],
  DEFINE_REPORTING_DUTIES: ['Berichtspflichten festlegen', 'Define the reporting duties'],
  START_CONTRACT: ['Vertragsphase beginnen', 'Start the contract phase'],
  DRAFT_CONTRACT: ['Vertrag entwerfen', 'Draft the contract'],
  RECORD_COUNCIL_RESOLUTION: ['Ratsbeschluss erfassen', 'Record the council resolution'],
  RECORD_SUPERVISORY_STEP: ['Aufsichtsschritt erfassen', 'Record the supervisory step'],
  SIGN_CONTRACT: ['Vertrag unterzeichnen', 'Sign the contract'],
  PUT_INTO_FORCE: ['In Kraft setzen', 'Put into force'],
  ABANDON: ['Kooperation abbrechen', 'Abandon the cooperation'],
  SUBMIT_REPORT: ['Bericht einreichen', 'Submit a report'],
  ACKNOWLEDGE_REPORT: ['Berichtseingang bestätigen', 'Acknowledge a report'],
  RAISE_CONFLICT: ['Konflikt melden', 'Raise a conflict'],
  RESOLVE_CASE: ['Fall lösen', 'Resolve a case'],
  ESCALATE_CASE: ['Fall eskalieren', 'Escalate a case'],
  DECLARE_CASE_FAILED: ['Fall für gescheitert erklären', 'Declare a case failed'],
  REQUEST_EXIT: ['Austritt erklären', 'Request exit'],
  WITHDRAW_EXIT_REQUEST: ['Austrittserklärung zurücknehmen', 'Withdraw the exit request'],
  PROPOSE_DISSOLUTION: ['Auflösung vorschlagen', 'Propose dissolution'],
  RECORD_DISSOLUTION_RESOLUTION: ['Auflösungsbeschluss erfassen', 'Record a dissolution resolution'],
  RECORD_WINDING_UP: ['Abwicklung erfassen', 'Record the winding-up'],
  CONFIRM_CONTACT_APPOINTMENT: ['Benennung als Ansprechperson bestätigen', 'Confirm the appointment as contact'],
  CORRECT_REPORT: ['Bericht berichtigen', 'Correct a report'],
  WAIVE_OBLIGATION: ['Empfehlung begründet abbedingen', 'Waive a recommendation with a reason'],
  RECORD_MEMBER_NOTIFICATION: ['Anzeige bei der Aufsicht erfassen', 'Record the notification to the authority'],
  PROPOSE_AMENDMENT: ['Änderung vorschlagen', 'Propose an amendment'],
  SIGN_AMENDMENT: ['Änderung unterzeichnen', 'Sign the amendment'],
  PUT_AMENDMENT_INTO_FORCE: ['Änderung in Kraft setzen', 'Put the amendment into force'],
  WITHDRAW_AMENDMENT: ['Änderung zurückziehen', 'Withdraw the amendment'],
  RECORD_ASSEMBLY_VOTE: ['Beschluss der Verbandsversammlung erfassen', 'Record the assembly vote'],
  RECORD_TERMINATION_RECEIPT: ['Eingang der Kündigung bestätigen', 'Record receipt of the termination'],
  RECORD_TERMINATION_PUBLICATION: ['Bekanntmachung der Kündigung erfassen', 'Record publication of the termination'],
  REPORT_DUE: ['Bericht fällig (Frist)', 'Report due (deadline)'],
  REPORT_GRACE_EXPIRED: ['Nachfrist abgelaufen (Frist)', 'Grace period expired (deadline)'],
  CASE_DEADLINE_PASSED: ['Frist des Falls abgelaufen', 'Case deadline passed'],
  NOTICE_PERIOD_ENDED: ['Kündigungsfrist abgelaufen', 'Notice period ended'],
  TERM_ENDED: ['Laufzeit beendet', 'Term ended'],
};

export function eventName(type: string): string {
  const names = NAMES[type];
  if (!names) return type;
  return i18n.language === 'en' ? names[1] : names[0];
}
