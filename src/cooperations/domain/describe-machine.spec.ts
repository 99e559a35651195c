import { describeLifecycle, lifecycleMermaid } from './describe-machine';
import { LIFECYCLE_DEFINITION_VERSION } from './lifecycle.machine';
import { OBLIGATION_IDS, OBLIGATIONS } from './obligations.catalog';

describe('describeLifecycle', () => {
  const d = describeLifecycle();

  it('lists the phases with their guarded exits, read from the machine', () => {
    expect(d.version).toBe(LIFECYCLE_DEFINITION_VERSION);
    expect(d.initial).toBe('partnerSearch');
    expect(d.states.map((s) => s.id)).toEqual([
      'partnerSearch',
      'letterOfIntent',
      'planning',
      'contract',
      'active',
      'active.reporting',
      'active.reporting.onTrack',
      'active.reporting.overdue',
      'active.escalation',
      'active.escalation.calm',
      'active.escalation.casesOpen',
      'active.membership',
      'active.membership.stable',
      'active.membership.exitPending',
      'dissolving',
      'dissolved',
      'abandoned',
    ]);
    expect(d.states.find((s) => s.id === 'active')?.type).toBe('parallel');
    expect(d.states.find((s) => s.id === 'dissolved')).toMatchObject({ final: true, events: [] });
    expect(d.states.find((s) => s.id === 'abandoned')).toMatchObject({ final: true, events: [] });
    const exit = (state: string, type: string) =>
      d.states.find((s) => s.id === state)!.events.find((e) => e.type === type);
    expect(exit('contract', 'PUT_INTO_FORCE')).toEqual({
      type: 'PUT_INTO_FORCE',
      target: 'active',
      obligations: [
        'OBL-CONFLICT-PROCEDURE',
        'OBL-EXIT-TERMS',
        'OBL-COUNCIL-RESOLUTION',
        'OBL-SUPERVISORY-STEP',
        'OBL-CONTRACT-SIGNED-ALL',
      ],
    });
    expect(exit('partnerSearch', 'INVITE_PARTNER')).toEqual({
      type: 'INVITE_PARTNER',
      target: null,
      obligations: [],
    });
    for (const phase of ['partnerSearch', 'letterOfIntent', 'planning', 'contract']) {
      expect(exit(phase, 'ABANDON')).toMatchObject({ target: 'abandoned' });
    }
    expect(exit('active', 'ABANDON')).toBeUndefined();
  });

  it('shows the operation phase: region events, routes into dissolving, eventless region changes', () => {
    const events = (state: string) => d.states.find((s) => s.id === state)!.events;
    expect(events('active.reporting').find((e) => e.type === 'SUBMIT_REPORT')).toEqual({
      type: 'SUBMIT_REPORT',
      target: null,
      obligations: ['OBL-REPORT-CRITERIA'],
    });
    expect(events('active.membership').find((e) => e.type === 'REQUEST_EXIT')?.obligations).toEqual([
      'OBL-EXIT-ULTIMA-RATIO',
      'OBL-EXIT-PLAN',
      'OBL-EXIT-FORM-STEP',
    ]);
    expect(events('active')).toContainEqual({
      type: 'RECORD_DISSOLUTION_RESOLUTION',
      target: 'dissolving',
      obligations: [],
      when: ['OBL-DISSOLUTION-RESOLUTIONS'],
    });
    expect(events('active.membership')).toContainEqual({
      type: 'NOTICE_PERIOD_ENDED',
      target: 'dissolving',
      obligations: [],
      guard: 'fewerThanTwoPartnersAfterApply',
    });
    expect(events('dissolving')).toEqual([
      { type: 'WAIVE_OBLIGATION', target: null, obligations: [] },
      { type: 'RECORD_WINDING_UP', target: 'dissolved', obligations: ['OBL-WINDING-UP'] },
      // Publication in the register can be agreed and revoked until the end (docs/register.md).
      ...[
        'AGREE_TO_PUBLICATION',
        'REVOKE_PUBLICATION_AGREEMENT',
        'CONSENT_TO_CONTACT_PUBLICATION',
        'REVOKE_CONTACT_CONSENT',
      ].map((type) => ({ type, target: null, obligations: [] })),
    ]);
    expect(d.states.find((s) => s.id === 'active.reporting.onTrack')?.always).toEqual([
      { target: 'active.reporting.overdue', guard: 'reportOverdue' },
    ]);
    expect(d.states.find((s) => s.id === 'active.reporting')?.initial).toBe('active.reporting.onTrack');
  });

  it('names every catalog obligation, each guarding an event of its own phase', () => {
    expect([...d.obligations].sort()).toEqual([...OBLIGATION_IDS].sort());
    for (const s of d.states) {
      for (const e of s.events) {
        for (const id of [...e.obligations, ...(e.when ?? [])]) expect(OBLIGATIONS[id].phase).toBe(s.id.split('.')[0]);
      }
    }
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('lifecycleMermaid', () => {
  it('draws the phase exits with their obligation ids', () => {
    const text = lifecycleMermaid();
    expect(text.startsWith('stateDiagram-v2\n  [*] --> partnerSearch\n')).toBe(true);
    expect(text).toContain(
      '  partnerSearch --> letterOfIntent : START_LETTER_OF_INTENT [OBL-PARTNERS-MIN, OBL-CONTACT-AUTHORITY]',
    );
    expect(text).toContain('  planning --> contract : START_CONTRACT [OBL-STEERING-BODY, OBL-REPORTING-DUTIES]');
    expect(text).toContain('  contract --> abandoned : ABANDON\n');
    expect(text).toContain('  abandoned --> [*]');
  });

  it('draws active as a composite state with its three regions', () => {
    const text = lifecycleMermaid();
    expect(text).toContain('  state active {\n    state active_reporting {\n      [*] --> active_reporting_onTrack\n');
    expect(text.match(/\n {4}--\n/g)).toHaveLength(2);
    expect(text).toContain(
      '  active --> dissolving : RECORD_DISSOLUTION_RESOLUTION when OBL-DISSOLUTION-RESOLUTIONS\n',
    );
    expect(text).toContain('  dissolving --> dissolved : RECORD_WINDING_UP [OBL-WINDING-UP]\n');
    expect(text).toContain('  dissolved --> [*]');
  });
});
