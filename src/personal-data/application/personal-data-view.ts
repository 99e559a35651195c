import type { PersonFields } from '../domain/personal-data';
import type { PersonalDataRecord } from '../infrastructure/personal-data.repository';

/** A personal data record as admins and auditors read it. */
export interface PersonalDataView {
  id: string;
  subjectKind: string;
  cooperationId: string | null;
  municipality: string | null;
  fields: PersonFields | { erased: true };
  createdAt: string;
  erasure: { at: string; by: { sub: string; role: string }; reason: string } | null;
}

export const viewOf = (r: PersonalDataRecord): PersonalDataView => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  erasure: r.erasure ? { ...r.erasure, at: r.erasure.at.toISOString() } : null,
});
