import { germanDate } from '../calendar';
import { currentContract } from '../cooperation';
import { type EventRule, SYSTEM, touched } from './rule';

/**
 * The fixed term ran out: the cooperation goes to `dissolving` (reason `term-ended`) and the
 * steering board sees a notice; the winding-up follows as for any end.
 */
export const TERM_ENDED: EventRule<'TERM_ENDED'> = {
  roles: SYSTEM,
  authorize: () => null,
  apply: (ctx, e, { at }) => {
    const end = currentContract(ctx)?.term.end ?? germanDate(new Date(e.dueAt));
    const notice = {
      kind: 'term-ended' as const,
      at,
      text: `Die vereinbarte Laufzeit endete am ${end}; die Kooperation wird abgewickelt. Eine Verlängerung ist nur durch eine neue Vereinbarung möglich.`,
    };
    return touched(
      {
        ...ctx,
        boardNotices: [...(ctx.boardNotices ?? []), notice],
        dissolution: { ...ctx.dissolution, reason: 'term-ended' },
      },
      at,
    );
  },
};
