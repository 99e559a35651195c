import { COORD_HEEK } from '../../fixtures/building-yard.scenario';

/**
 * A request body Heek's coordinator may send again and again on a freshly opened cooperation
 * (a contact appointed anew each time): the load of the crash tests.
 */
export const REPEATABLE_EVENT = JSON.stringify({
  type: 'APPOINT_CONTACT',
  name: 'Maria Beispiel',
  position: 'Fachbereichsleiterin Bauen und Umwelt',
  userSub: COORD_HEEK.sub,
  authority: { conferredBy: 'Bürgermeister', conferredOn: '2026-01-05', scope: 'Absichtserklärung' },
});
