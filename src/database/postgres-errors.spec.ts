import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './postgres-errors';

describe('isDatabaseUnavailable', () => {
  it('takes a transaction whose connection PostgreSQL ended for an outage, whichever way TypeORM says it', () => {
    // The manager's `query` in a transaction after a PostgreSQL restart (seen in the reliability suite as a 500).
    expect(isDatabaseUnavailable(new QueryRunnerProviderAlreadyReleasedError())).toBe(true);
    expect(isDatabaseUnavailable(new Error('Query runner already released. Cannot run queries anymore.'))).toBe(true);
  });

  it('does not take a refused statement for an outage', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });
});
