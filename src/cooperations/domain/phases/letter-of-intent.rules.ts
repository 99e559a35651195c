import { currentLoi, loiVersionsWith, nextVersionNumber } from '../cooperation';
import type { DraftLoi } from '../events';
import {
  asAppointedContact,
  asLead,
  COORDINATORS,
  type EventRule,
  mustParticipate,
  signatureOf,
  touched,
} from './rule';
import { fieldError } from '../schema';

const NO_LOI = {
  de: 'Es liegt noch kein Entwurf der Absichtserklärung vor.',
  en: 'There is no draft letter of intent yet.',
};

/** Drafts may be incomplete (empty texts, empty lists); OBL-LOI-CONTENT blocks adoption. */
export const DRAFT_LOI: EventRule<'DRAFT_LOI'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, e: DraftLoi) => [
    ...e.responsibilities.flatMap((r, i) =>
      mustParticipate(ctx, r.municipality, `responsibilities[${i}].municipality`),
    ),
    ...e.resources.flatMap((r, i) => [
      ...mustParticipate(ctx, r.municipality, `resources[${i}].municipality`),
      ...(e.resources.findIndex((x) => x.municipality === r.municipality) < i
        ? [fieldError(`resources[${i}].municipality`, 'rules.resourcesOnce')]
        : []),
    ]),
  ],
  apply: (ctx, { type: _type, ...draft }, { actor, at }) =>
    touched(
      {
        ...ctx,
        loi: {
          ...ctx.loi,
          versions: loiVersionsWith(ctx, {
            ...draft,
            version: nextVersionNumber(ctx.loi.versions),
            draftedAt: at,
            draftedBy: actor.sub,
          }),
          // A changed text is a different declaration: nobody has signed it yet.
          signatures: [],
        },
      },
      at,
    ),
};

export const SIGN_LOI: EventRule<'SIGN_LOI'> = {
  roles: COORDINATORS,
  authorize: asAppointedContact,
  precondition: (ctx, actor) => {
    const loi = currentLoi(ctx);
    if (!loi) return NO_LOI;
    return ctx.loi.signatures.some((s) => s.municipality === actor.municipality && s.version === loi.version)
      ? {
          de: 'Die aktuelle Fassung ist bereits unterzeichnet.',
          en: 'The current version is already signed.',
        }
      : null;
  },
  validate: (ctx, e) => {
    const current = currentLoi(ctx)!.version;
    return e.version === current ? [] : [fieldError('version', 'rules.notCurrentVersion', { current })];
  },
  apply: (ctx, e, { actor, at }) =>
    touched(
      {
        ...ctx,
        loi: {
          ...ctx.loi,
          signatures: [...ctx.loi.signatures, signatureOf(ctx, actor, e.version, at)],
        },
      },
      at,
    ),
};

export const ADOPT_LOI: EventRule<'ADOPT_LOI'> = {
  roles: COORDINATORS,
  authorize: asLead,
  apply: (ctx, _e, { at }) =>
    touched({ ...ctx, loi: { ...ctx.loi, adoptedVersion: currentLoi(ctx)?.version ?? null } }, at),
};
