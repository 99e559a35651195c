import { describeLifecycle, EVENT_TYPES } from '../domain';
import { API_EVENT_TYPES } from './event.dto';

const ISSUE_4_PHASES = ['partnerSearch', 'letterOfIntent', 'planning', 'contract'];

describe('event DTOs', () => {
  it('have a request body class for every event of the phases up to the entry into force', () => {
    const needed = describeLifecycle()
      .states.filter((s) => ISSUE_4_PHASES.includes(s.id.split('.')[0]))
      .flatMap((s) => s.events.map((e) => e.type));
    expect(needed.filter((t) => !API_EVENT_TYPES.includes(t as never))).toEqual([]);
  });

  // Events the domain knows that the API cannot accept yet (answered 400 "unknown type"): listed
  // as todos, so the gap shows in every test run without failing it.
  for (const type of EVENT_TYPES.filter((t) => !API_EVENT_TYPES.includes(t))) it.todo(`request body for ${type}`);
});
