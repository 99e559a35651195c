import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Problem, type Schemas } from '../api/client';
import { cooperationKey, useCooperation } from '../cooperation/queries';
import { ConfirmedSubmit } from '../layout/controls';
import { escalationsKey } from './queries';

type Decision = 'RESOLVE_CASE' | 'ESCALATE_CASE' | 'DECLARE_CASE_FAILED';
type Level = { name: string; body: string };
type Context = { contract?: { versions?: { conflictProcedure?: { levels?: Level[] } }[] } };

/**
 * The body's decision on a case: resolve, pass to the next level, or (at the last level) declare
 * the procedure failed. Nothing is sent before the user has read what will happen and confirmed.
 */
export function DecisionPanel({ entry }: { entry: Schemas['EscalationCaseDto'] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cooperation = useCooperation(entry.cooperationId);
  const choices: Decision[] = entry.isLastLevel
    ? ['RESOLVE_CASE', 'DECLARE_CASE_FAILED']
    : ['RESOLVE_CASE', 'ESCALATE_CASE'];
  const [decision, setDecision] = useState<Decision>('RESOLVE_CASE');
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // One key per confirmed decision: a double click is one event.
  const idempotencyKey = useRef(crypto.randomUUID());

  const levels = (cooperation.data?.context as Context | undefined)?.contract?.versions?.at(-1)?.conflictProcedure
    ?.levels;
  const next = levels?.[entry.level];
  const consequence = {
    RESOLVE_CASE: t('board.consequence.resolve', { number: entry.number, level: entry.levelName }),
    ESCALATE_CASE: t('board.consequence.escalate', {
      number: entry.number,
      from: entry.levelName,
      to: next ? `${next.name} (${next.body})` : t('board.nextLevel', { level: entry.level + 1 }),
    }),
    DECLARE_CASE_FAILED: t('board.consequence.fail', { number: entry.number }),
  }[decision];

  function onReview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setProblem(t('board.textRequired'));
      return;
    }
    setProblem(null);
    setConfirming(true);
  }

  async function onConfirm() {
    if (!cooperation.data || sending) return;
    setSending(true);
    const body =
      decision === 'RESOLVE_CASE'
        ? { type: decision, caseId: entry.caseId, decision: text }
        : { type: decision, caseId: entry.caseId, reason: text };
    const { error, response } = await api.POST('/api/v1/cooperations/{id}/events', {
      params: { path: { id: entry.cooperationId } },
      body: body as never,
      headers: { 'If-Match': `"${cooperation.data.version}"`, 'Idempotency-Key': idempotencyKey.current },
    });
    setSending(false);
    setConfirming(false);
    idempotencyKey.current = crypto.randomUUID();
    if (response.ok) {
      setText('');
      await queryClient.invalidateQueries({ queryKey: escalationsKey });
      await queryClient.invalidateQueries({ queryKey: cooperationKey(entry.cooperationId) });
      return;
    }
    const p = error as unknown as Problem;
    setProblem(p.detail ?? p.title);
  }

  const textLabel = decision === 'RESOLVE_CASE' ? t('board.decisionText') : t('board.reasonText');
  return (
    <section aria-labelledby="decision-title" className="kern-card" data-decision-panel>
      <div className="kern-card__container">
        <h2 className="kern-heading-medium" id="decision-title">
          {t('board.decide')}
        </h2>
        <form className="ikz-form" onSubmit={onReview} noValidate>
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('board.decisionKind')}</legend>
            <div className="kern-fieldset__body">
              {choices.map((c) => (
                <div className="kern-form-check" key={c}>
                  <input
                    className="kern-form-check__radio"
                    type="radio"
                    id={`decision-${c}`}
                    name="decision"
                    value={c}
                    checked={decision === c}
                    onChange={() => {
                      setDecision(c);
                      setConfirming(false);
                    }}
                  />
                  <label className="kern-label" htmlFor={`decision-${c}`}>
                    {t(`board.choices.${c}`)}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className={`kern-form-input${problem ? ' kern-form-input--error' : ''}`}>
            <label className="kern-label" htmlFor="decision-text">
              {textLabel}
            </label>
            <textarea
              className="kern-form-input__input"
              id="decision-text"
              rows={4}
              value={text}
              aria-describedby={problem ? 'decision-problem' : undefined}
              onChange={(e) => {
                setText(e.target.value);
                setConfirming(false);
              }}
            />
            {problem && (
              <p className="kern-error" id="decision-problem" role="alert">
                <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
                <span className="kern-body">{problem}</span>
              </p>
            )}
          </div>
          <ConfirmedSubmit
            open={confirming}
            consequence={
              <>
                <p className="kern-body">{consequence}</p>
                <p className="kern-body">{t('board.final')}</p>
              </>
            }
            confirmLabel={t(`board.confirm.${decision}`)}
            onConfirm={() => void onConfirm()}
            onBack={() => setConfirming(false)}
            busy={sending}
          />
        </form>
      </div>
    </section>
  );
}
