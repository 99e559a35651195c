import type { CooperationContext, Member } from '../../cooperations/domain/cooperation';
import { participants } from '../../cooperations/domain/cooperation';
import { currentContract } from '../../cooperations/domain/cooperation';
import { phaseOf, type LifecycleStateValue } from '../../cooperations/domain/cooperation-state';
import { validContactConsent } from '../../cooperations/domain/phases/publication.rules';

/*
 * What a cooperation shows outside itself, derived from its state alone (docs/register.md): the
 * listing of its published partner search, and its entry in the public project register. The
 * command path writes both in the transaction of the event that changes them, so the read models
 * never show what the history does not say, and never outlive a revocation.
 */

type PublicMember = Pick<Member, 'ags' | 'name' | 'kind' | 'district' | 'region' | 'role'>;

/** A published, open partner search as other municipalities' coordinators list it. */
export interface SearchListing {
  cooperationId: string;
  title: string;
  fieldOfWork: string;
  motive: string;
  lookingFor: string;
  /** Kreise and Regierungsbezirke of interest; empty: all of NRW. */
  districts: string[];
  regions: string[];
  openUntil: string;
  publishedAt: string;
  lead: PublicMember;
}

/** A register entry. Contacts name their personal data record only: names are read at request time. */
export interface RegisterEntry {
  cooperationId: string;
  title: string;
  fieldOfWork: string;
  motive: string;
  description: string;
  members: PublicMember[];
  legalForm: string | null;
  phase: string;
  /** The legal date of effect (or, for older records, the day it was recorded). */
  inForceSince: string | null;
  /** When the last member agreed: the day the entry became public. */
  publishedSince: string;
  contacts: Array<{ municipality: string; position: string; personRef: string }>;
}

/** A state as stored (possibly of an older definition: then nothing of it is public). */
export interface StoredStateLike {
  value: LifecycleStateValue;
  context: unknown;
}

const publicMember = ({ ags, name, kind, district, region, role }: Member): PublicMember => ({
  ags,
  name,
  kind,
  district,
  region,
  role,
});

/** Contexts written before definition version 6 know neither searches nor agreements. */
const v6 = (context: unknown): CooperationContext | null => {
  const ctx = context as Partial<CooperationContext> | null;
  return ctx?.publication && ctx.partnerSearch !== undefined ? (ctx as CooperationContext) : null;
};

/** The search's listing while it is open in the partner search; null otherwise. Expiry is the reader's. */
export function searchListingOf(state: StoredStateLike): SearchListing | null {
  const ctx = v6(state.context);
  const search = ctx?.partnerSearch;
  if (!ctx || !search || search.status !== 'open' || phaseOf(state.value) !== 'partnerSearch') return null;
  return {
    cooperationId: ctx.id,
    title: ctx.title,
    fieldOfWork: ctx.fieldOfWork,
    motive: ctx.motive,
    lookingFor: search.lookingFor,
    districts: search.districts ?? [],
    regions: search.regions ?? [],
    openUntil: search.openUntil,
    publishedAt: search.publishedAt,
    lead: publicMember(ctx.members[ctx.lead]),
  };
}

/**
 * The register entry when every participating municipality agreed since it joined; null otherwise
 * (and for an abandoned cooperation). A contact is listed only with the consent of the person who is
 * the contact now, and only by reference to their personal data record.
 */
export function registerEntryOf(state: StoredStateLike): RegisterEntry | null {
  const ctx = v6(state.context);
  const phase = phaseOf(state.value);
  if (!ctx || phase === 'abandoned') return null;
  const members = participants(ctx);
  const agreements = members.map((m) => ctx.publication.agreements[m.ags]);
  const all = agreements.every((a, i) => a !== undefined && a.at >= (members[i].joinedAt ?? ''));
  if (members.length === 0 || !all) return null;
  const contacts = members.flatMap((m) => {
    const contact = ctx.contacts[m.ags] as
      (CooperationContext['contacts'][string] & { personRef?: string }) | undefined;
    if (!contact?.personRef || !validContactConsent(ctx, m.ags)) return [];
    return [{ municipality: m.ags, position: contact.position, personRef: contact.personRef }];
  });
  return {
    cooperationId: ctx.id,
    title: ctx.title,
    fieldOfWork: ctx.fieldOfWork,
    motive: ctx.motive,
    description: ctx.description,
    members: members.map(publicMember),
    legalForm: currentContract(ctx)?.legalForm ?? null,
    phase,
    inForceSince: ctx.contract.inForceOn ?? ctx.contract.inForceSince?.slice(0, 10) ?? null,
    publishedSince: agreements.map((a) => a.at).sort()[agreements.length - 1],
    contacts,
  };
}
