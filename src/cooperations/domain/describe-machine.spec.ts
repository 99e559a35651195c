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
      'abandoned',
    ]);
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
    for (const phase of ['partnerSearch', 'letterOfIntent', 'planning', 'contract'])
      expect(exit(phase, 'ABANDON')).toMatchObject({ target: 'abandoned' });
    expect(exit('active', 'ABANDON')).toBeUndefined();
  });

  it('names every catalog obligation, each guarding an exit of its own phase', () => {
    expect([...d.obligations].sort()).toEqual([...OBLIGATION_IDS].sort());
    for (const s of d.states)
      for (const e of s.events) for (const id of e.obligations) expect(OBLIGATIONS[id].phase).toBe(s.id);
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
});
