import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem, Schemas } from '../api/client';
import { draftStore } from '../api/session';
import { ObligationChecklist } from '../cooperation/obligation-checklist';
import {
  initialValue,
  normalizePath,
  resolve,
  toBody,
  type FormValue,
  type JsonSchema,
  type OpenApi,
} from './json-schema';
import { SchemaField } from './schema-field';

interface Props {
  doc: OpenApi;
  schema: JsonSchema;
  /** Where the typed input is kept (sessionStorage) until it was accepted. */
  draftKey: string;
  defaults?: Record<string, FormValue>;
  documents?: Schemas['DocumentDto'][];
  /** Sends the body; answers the problem when the server refused it. */
  submit: (body: unknown) => Promise<Problem | null>;
  /** Shown above the buttons for a problem the form cannot show at a field (e.g. the 412 offer). */
  renderProblem?: (problem: Problem, dismiss: () => void) => ReactNode;
  onCancel?: () => void;
}

/** A form generated from a JSON schema, with the server's 400/409/422 shown where they belong. */
export function SchemaForm({
  doc,
  schema,
  draftKey,
  defaults,
  documents = [],
  submit,
  renderProblem,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const resolved = resolve(doc, schema);
  const [value, setValue] = useState<FormValue>(
    () =>
      draftStore.read<FormValue>(draftKey) ?? {
        ...(initialValue(doc, resolved) as Record<string, FormValue>),
        ...defaults,
      },
  );
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => draftStore.write(draftKey, value), [draftKey, value]);

  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of problem?.errors ?? []) {
      map.set(normalizePath(e.path), [...(map.get(normalizePath(e.path)) ?? []), ...e.messages]);
    }
    return map;
  }, [problem]);
  const ctx = { doc, errors, documents };
  const known = new Set(collectPaths(doc, resolved, ''));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (pending) return; // a double click is one submission
    setPending(true);
    try {
      const refused = await submit(toBody(doc, resolved, value));
      setProblem(refused);
      if (!refused) draftStore.clear(draftKey);
      else requestAnimationFrame(() => document.getElementById('form-problem')?.focus());
    } finally {
      setPending(false);
    }
  }

  const record = value as Record<string, FormValue>;
  return (
    <form className="ikz-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      {problem && (
        <div id="form-problem" tabIndex={-1} className="ikz-form-problem">
          {problem.type === '/problems/obligations-unmet' && problem.obligations ? (
            <ObligationChecklist obligations={problem.obligations} heading={t('form.unmetTitle')} />
          ) : problem.status === 412 && renderProblem ? (
            renderProblem(problem, () => setProblem(null))
          ) : (
            <div className={`kern-alert ${problem.errors ? 'kern-alert--warning' : 'kern-alert--danger'}`} role="alert">
              <div className="kern-alert__header">
                <span className="kern-icon kern-icon--warning" aria-hidden="true" />
                <span className="kern-title">{problem.errors ? t('form.errorsTitle') : t('form.refusedTitle')}</span>
              </div>
              <div className="kern-alert__body">
                <p className="kern-body">{problem.detail ?? problem.title}</p>
                {problem.errors && (
                  <ul className="kern-list">
                    {problem.errors.map((e) => {
                      const path = normalizePath(e.path);
                      return (
                        <li key={e.path}>
                          {known.has(path.replace(/\.\d+(?=\.|$)/g, '.*')) ? (
                            <a href={`#f-${path.replace(/\./g, '-')}`}>{e.path}</a>
                          ) : (
                            <code>{e.path}</code>
                          )}
                          : {e.messages.join('; ')}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            </div>
          )}
        </div>
      )}
      {Object.entries(resolved.properties ?? {}).map(([key, child]) => (
        <SchemaField
          key={key}
          ctx={ctx}
          schema={child}
          path={key}
          name={key}
          required={resolved.required?.includes(key) ?? false}
          value={record[key] ?? ''}
          onChange={(next) => setValue({ ...record, [key]: next })}
        />
      ))}
      <div className="kern-btn-wrapper ikz-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={pending} data-submit>
          <span className="kern-label">{pending ? t('form.submitting') : t('form.submit')}</span>
        </button>
        {onCancel && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={onCancel}>
            <span className="kern-label">{t('form.cancel')}</span>
          </button>
        )}
      </div>
    </form>
  );
}

/** Every field path of a schema, array indices as `*`, to link error paths to their fields. */
function collectPaths(doc: OpenApi, raw: JsonSchema, prefix: string): string[] {
  const schema = resolve(doc, raw);
  const own = prefix ? [prefix] : [];
  const child = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (schema.properties) {
    return [...own, ...Object.entries(schema.properties).flatMap(([k, c]) => collectPaths(doc, c, child(k)))];
  }
  if (schema.type === 'array' && schema.items) return [...own, ...collectPaths(doc, schema.items, child('*'))];
  return own;
}
