import { germanDate } from './calendar';
import { type CooperationContext, currentContract, currentLoi } from './cooperation';
import { type LifecycleEventType, requestSchema } from './events';
import type { Bilingual } from './obligations.catalog';
import type { AnySchema } from './schema';
import { supervisoryRule } from './legal';
import { competenceOf, conclusionProcedure, currentProcedure, inForceOn } from './supervision';

/*
 * A body to start from for each event, filled from the state where the state knows the answer (the
 * current letter-of-intent or contract version, the derived authority and the kind of step it takes,
 * today's date) and elsewhere from the schema's documented examples; text only the clerk can write
 * stays empty (so no example person's name ever reaches an answer). `nextEvents()` decides each template as it is, which is what makes `ready` true.
 */

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Values the state supplies, by field name of the event's top level. */
function fromState(type: LifecycleEventType, ctx: CooperationContext, now: Date): Record<string, Json> {
  const today = germanDate(now);
  const proc = currentProcedure(ctx) ?? conclusionProcedure(ctx);
  const values: Record<string, Json> = {};
  const loi = currentLoi(ctx);
  const contract = currentContract(ctx);
  if (type === 'SIGN_LOI' && loi) values.version = loi.version;
  if ((type === 'SIGN_CONTRACT' || type === 'RECORD_COUNCIL_RESOLUTION') && contract) values.version = contract.version;
  if (type === 'RECORD_COUNCIL_RESOLUTION') Object.assign(values, { body: 'Rat', date: today });
  if (type === 'RECORD_SUPERVISORY_STEP' && proc) {
    const competence = competenceOf(proc, today);
    const rule = supervisoryRule(proc.text.legalForm, proc.kind, today);
    if (competence.status === 'determined') values.authority = competence.authority.names.deMale;
    if (rule && (rule.kind === 'approval' || rule.kind === 'notification')) values.kind = rule.kind;
    values.submittedOn = today;
  }
  if (type === 'RECORD_TERMINATION_RECEIPT') values.receivedOn = today;
  return values;
}

/**
 * A value of the schema's shape (required fields only): text stays empty — only the clerk can
 * write it, and an example could be a person's name —, other kinds take the documented example or
 * the neutral value of their kind.
 */
function sample(s: AnySchema, today: string): Json | undefined {
  const text = s.spec.kind === 'string' || s.spec.kind === 'email';
  if (!text && s.doc?.example !== undefined) return s.doc.example as Json;
  if (s.nullable) return null;
  const spec = s.spec;
  switch (spec.kind) {
    case 'literal':
      return spec.value;
    case 'string':
    case 'email':
      return '';
    case 'date':
      return today;
    case 'instant':
      return new Date(`${today}T00:00:00Z`).toISOString();
    case 'number':
      return Number.isFinite(spec.min) ? spec.min : 0;
    case 'boolean':
      return false;
    case 'enum':
      return spec.values[0];
    case 'ags':
      return '';
    case 'array': {
      const item = sample(spec.item, today);
      return spec.min > 0 && item !== undefined ? [item] : [];
    }
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [key, field] of Object.entries(spec.shape)) {
        if (field.optional) continue;
        const value = sample(field, today);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
  }
}

/** The body template of `type` in this state, as a client sends it (municipalities by key). */
export function eventTemplate(type: LifecycleEventType, ctx: CooperationContext, now: Date): Record<string, Json> {
  const schema = requestSchema(type);
  const base = sample(schema, germanDate(now)) as Record<string, Json>;
  const known = fromState(type, ctx, now);
  const shape = (schema.spec as { shape: Record<string, AnySchema> }).shape;
  // State-derived values only for fields the event has (optional ones included).
  const filled = Object.fromEntries(Object.entries(known).filter(([key]) => key in shape));
  return { ...base, ...filled, type };
}

/** Readable hints for an event: who is competent, from when a contract can be in force. */
export function eventHints(type: LifecycleEventType, ctx: CooperationContext, now: Date): Bilingual[] {
  const today = germanDate(now);
  const proc = currentProcedure(ctx) ?? conclusionProcedure(ctx);
  if (!proc) return [];
  const hints: Bilingual[] = [];
  if (type === 'RECORD_SUPERVISORY_STEP' || type === 'PUT_INTO_FORCE' || type === 'PUT_AMENDMENT_INTO_FORCE') {
    const competence = competenceOf(proc, today);
    if (competence.status === 'determined') {
      const name = competence.authority.names.deMale;
      hints.push({ de: `zuständig: ${name}`, en: `competent: ${name}` });
    }
  }
  if ((type === 'PUT_INTO_FORCE' || type === 'PUT_AMENDMENT_INTO_FORCE') && proc.supervisoryStep?.publishedOn) {
    const on = inForceOn(proc, today);
    hints.push({ de: `frühestens am ${on} in Kraft`, en: `in force on ${on} at the earliest` });
  }
  return hints;
}

/** The template still has text only the clerk can write (an empty string anywhere). */
export function hasTextToWrite(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.some(hasTextToWrite);
  return typeof value === 'object' && value !== null && Object.values(value).some(hasTextToWrite);
}
