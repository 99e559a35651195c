import type { CooperationContext } from './cooperation';
import type { LifecycleEventType } from './events';
import { evaluate, type ObligationResult } from './obligations';
import type { ObligationId } from './obligations.catalog';

/*
 * Facts an accepted event records that the engine already knows will not satisfy a later
 * obligation: signing a draft that lacks required content (the phase exit will be refused and the
 * draft must be redone and signed again), or recording a supervisory step with an authority other
 * than the derived one. The event stays accepted (the record is true); the answer warns. The
 * obligations are evaluated by their one check, on the state after the event.
 */
interface FollowUp {
  obligations: ObligationId[];
  /** Only these `missing` keys concern what the event recorded (others are still to come). */
  concerns: (missingKey: string) => boolean;
}

const EVERYTHING = (): boolean => true;
const DRAFT_CONTENT: FollowUp = {
  obligations: ['OBL-CONFLICT-PROCEDURE', 'OBL-EXIT-TERMS'],
  concerns: EVERYTHING,
};

const FOLLOW_UPS: Partial<Record<LifecycleEventType, FollowUp>> = {
  SIGN_LOI: { obligations: ['OBL-LOI-CONTENT', 'OBL-SUCCESS-CRITERIA'], concerns: EVERYTHING },
  SIGN_CONTRACT: DRAFT_CONTENT,
  RECORD_COUNCIL_RESOLUTION: DRAFT_CONTENT,
  RECORD_SUPERVISORY_STEP: {
    obligations: ['OBL-SUPERVISORY-STEP'],
    // The authority and the kind of step are what was recorded; dates still to come are no warning.
    concerns: (key) =>
      key.startsWith('supervisoryStep.authority:') ||
      key.startsWith('supervisoryStep.designation:') ||
      key.startsWith('supervisoryStep.kind:'),
  },
};

/** The later obligations the accepted event's record will not satisfy, with what it lacks. */
export function followUpWarnings(type: LifecycleEventType, after: CooperationContext, now: Date): ObligationResult[] {
  const followUp = FOLLOW_UPS[type];
  if (!followUp) return [];
  return evaluate(followUp.obligations, after, now)
    .map((r) => ({ ...r, missing: r.missing.filter(followUp.concerns) }))
    .filter((r) => !r.met && r.missing.length > 0);
}
