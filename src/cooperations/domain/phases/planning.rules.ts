import { isParticipant } from '../cooperation';
import { asLead, COORDINATORS, type EventRule, mustParticipate, touched } from './rule';
import { fieldError } from '../schema';

export const DEFINE_STEERING_BODY: EventRule<'DEFINE_STEERING_BODY'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, e) => e.members.flatMap((m, i) => mustParticipate(ctx, m.municipality, `members[${i}].municipality`)),
  apply: (ctx, { type: _type, ...body }, { at }) =>
    touched({ ...ctx, governance: { ...ctx.governance, steeringBody: { ...body, definedAt: at } } }, at),
};

export const DEFINE_REPORTING_DUTIES: EventRule<'DEFINE_REPORTING_DUTIES'> = {
  roles: COORDINATORS,
  authorize: asLead,
  validate: (ctx, e) =>
    e.duties.flatMap((d, i) => [
      ...mustParticipate(ctx, d.reporter, `duties[${i}].reporter`),
      ...d.recipients
        .map((r, j) => ({ r, path: `duties[${i}].recipients[${j}]` }))
        .filter(({ r }) => r !== 'steering-body' && r !== 'all-partners' && !isParticipant(ctx, r))
        .map(({ r, path }) => fieldError(path, 'rules.recipient', { value: r })),
    ]),
  apply: (ctx, { type: _type, ...reporting }, { at }) =>
    touched({ ...ctx, governance: { ...ctx.governance, reporting: { ...reporting, definedAt: at } } }, at),
};

export const START_CONTRACT: EventRule<'START_CONTRACT'> = {
  roles: COORDINATORS,
  authorize: asLead,
  apply: (ctx, _e, { at }) => touched(ctx, at),
};
