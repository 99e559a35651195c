import { useTranslation } from 'react-i18next';
import { bilingual } from '../format';
import type { Schemas } from '../api/client';
import { initialValue, resolve, type FormValue, type JsonSchema, type OpenApi } from './json-schema';

export interface FieldContext {
  doc: OpenApi;
  /** Server errors by normalized path. */
  errors: Map<string, string[]>;
  documents: Schemas['DocumentDto'][];
}

interface Props {
  ctx: FieldContext;
  schema: JsonSchema;
  path: string;
  name: string;
  required: boolean;
  value: FormValue;
  onChange: (value: FormValue) => void;
}

/** A leaf's value as the control shows it (leaves hold the text typed). */
const text = (value: FormValue): string => (typeof value === 'string' ? value : '');
const idOf = (path: string) => `f-${path.replace(/\./g, '-')}`;
const humanize = (name: string) => name.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/** One field of a form generated from a JSON schema: label and help from the schema's description. */
export function SchemaField({ ctx, schema: raw, path, name, required, value, onChange }: Props) {
  const { t } = useTranslation();
  const schema = resolve(ctx.doc, raw);
  const label = bilingual(schema.description) || t(`fields.${name}`, { defaultValue: humanize(name) });
  const errors = ctx.errors.get(path) ?? [];
  const id = idOf(path);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const errorText = errors.length > 0 && (
    <p className="kern-error" id={errorId} role="alert">
      <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
      <span className="kern-body">{errors.join('; ')}</span>
    </p>
  );
  const describedBy = [schema.example !== undefined ? hintId : '', errors.length ? errorId : '']
    .filter(Boolean)
    .join(' ');

  if (schema.enum?.length === 1) return null; // a constant (the event's type)

  if (name === 'documents' && schema.type === 'array') {
    return <DocumentPicker ctx={ctx} path={path} value={value as FormValue[]} onChange={onChange} />;
  }

  if (schema.type === 'object' || schema.properties) {
    const record = value as Record<string, FormValue>;
    return (
      <fieldset className={`kern-fieldset ikz-fieldset${errors.length ? ' kern-fieldset--error' : ''}`} id={id}>
        <legend className="kern-label">{label}</legend>
        <div className="kern-fieldset__body">
          {errorText}
          {Object.entries(schema.properties ?? {}).map(([key, child]) => (
            <SchemaField
              key={key}
              ctx={ctx}
              schema={child}
              path={path ? `${path}.${key}` : key}
              name={key}
              required={schema.required?.includes(key) ?? false}
              value={record[key] ?? ''}
              onChange={(next) => onChange({ ...record, [key]: next })}
            />
          ))}
        </div>
      </fieldset>
    );
  }

  if (schema.type === 'array') {
    const items = value as FormValue[];
    const itemSchema = schema.items ?? {};
    return (
      <fieldset
        className={`kern-fieldset ikz-fieldset${errors.length ? ' kern-fieldset--error' : ''}`}
        id={id}
        data-array={path}
      >
        <legend className="kern-label">
          {label} {!required && <span className="kern-label__optional">({t('form.optional')})</span>}
        </legend>
        <div className="kern-fieldset__body">
          {errorText}
          {items.map((item, index) => (
            <div className="ikz-array-item" key={index} data-item={`${path}.${index}`}>
              <SchemaField
                ctx={ctx}
                schema={{
                  ...itemSchema,
                  description:
                    itemSchema.description ??
                    `${t('form.item', { n: index + 1 })} / ${t('form.item', { n: index + 1 })}`,
                }}
                path={`${path}.${index}`}
                name={`${t('form.item', { n: index + 1 })}`}
                required
                value={item}
                onChange={(next) => onChange(items.map((old, i) => (i === index ? next : old)))}
              />
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--x-small"
                onClick={() => onChange(items.filter((_, i) => i !== index))}
              >
                <span className="kern-icon kern-icon--delete kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{t('form.remove', { n: index + 1 })}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--x-small"
            data-add={path}
            onClick={() => onChange([...items, initialValue(ctx.doc, itemSchema)])}
          >
            <span className="kern-icon kern-icon--add kern-icon--small" aria-hidden="true" />
            <span className="kern-label">{t('form.add', { label })}</span>
          </button>
        </div>
      </fieldset>
    );
  }

  const common = {
    id,
    name: path,
    required,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': describedBy || undefined,
  };
  let control;
  if (schema.type === 'boolean') {
    return (
      <div className={`kern-form-check${errors.length ? ' kern-form-check--error' : ''}`}>
        <input
          className="kern-form-check__checkbox"
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label className="kern-label" htmlFor={id}>
          {label}
        </label>
        {errorText}
      </div>
    );
  } else if (schema.enum) {
    control = (
      <div className="kern-form-input__select-wrapper">
        <select
          className={`kern-form-input__select${errors.length ? ' kern-form-input__select--error' : ''}`}
          {...common}
          value={text(value)}
          onChange={(e) => onChange(e.target.value)}
        >
          <option value="">{t('form.choose')}</option>
          {schema.enum.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </div>
    );
  } else {
    const inputClass = `kern-form-input__input${errors.length ? ' kern-form-input__input--error' : ''}`;
    const long =
      (schema.maxLength ?? 0) > 500 ||
      (schema.type === 'string' && schema.maxLength === undefined && !schema.format && !schema.pattern);
    control = long ? (
      <textarea
        className={inputClass}
        rows={3}
        {...common}
        value={text(value)}
        onChange={(e) => onChange(e.target.value)}
      />
    ) : (
      <input
        className={inputClass}
        {...common}
        type={
          schema.type === 'integer' || schema.type === 'number'
            ? 'number'
            : schema.format === 'date'
              ? 'date'
              : schema.format === 'email'
                ? 'email'
                : 'text'
        }
        step={schema.type === 'number' ? 'any' : undefined}
        inputMode={schema.pattern === '^\\d{8}$' ? 'numeric' : undefined}
        value={text(value)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`kern-form-input${errors.length ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label} {!required && <span className="kern-label__optional">({t('form.optional')})</span>}
      </label>
      {schema.example !== undefined && (
        <div className="kern-hint" id={hintId}>
          {typeof schema.example === 'string' || typeof schema.example === 'number'
            ? schema.example
            : JSON.stringify(schema.example)}
        </div>
      )}
      {errorText}
      {control}
    </div>
  );
}

/** `documents`: the cooperation's uploaded evidence, attached by ticking it. */
function DocumentPicker({
  ctx,
  path,
  value,
  onChange,
}: {
  ctx: FieldContext;
  path: string;
  value: FormValue[];
  onChange: (v: FormValue) => void;
}) {
  const { t } = useTranslation();
  const errors = ctx.errors.get(path) ?? [];
  return (
    <fieldset className="kern-fieldset ikz-fieldset" id={idOf(path)}>
      <legend className="kern-label">
        {t('form.documents')} <span className="kern-label__optional">({t('form.optional')})</span>
      </legend>
      <div className="kern-fieldset__body">
        {errors.length > 0 && (
          <p className="kern-error" role="alert">
            {errors.join('; ')}
          </p>
        )}
        {ctx.documents.length === 0 && <p className="kern-body kern-body--small">{t('form.noDocuments')}</p>}
        {ctx.documents.map((d) => {
          const id = `doc-${d.id}`;
          return (
            <div className="kern-form-check" key={d.id}>
              <input
                className="kern-form-check__checkbox"
                type="checkbox"
                id={id}
                name={path}
                value={d.id}
                checked={value.includes(d.id)}
                onChange={(e) => onChange(e.target.checked ? [...value, d.id] : value.filter((v) => v !== d.id))}
              />
              <label className="kern-label" htmlFor={id}>
                {d.fileName ?? d.id} ({t(`documents.kinds.${d.kind}`)}, SHA-256 {d.sha256.slice(0, 12)}…)
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
