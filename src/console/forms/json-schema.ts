import { useQuery } from '@tanstack/react-query';

/** The subset of JSON Schema (OpenAPI 3.0 flavour) the API's DTOs use. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  description?: string;
  format?: string;
  pattern?: string;
  example?: unknown;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  $ref?: string;
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** The server's OpenAPI document: the one description of every event's payload. */
export function useOpenApiDocument() {
  return useQuery({
    queryKey: ['openapi'],
    staleTime: Infinity,
    queryFn: async (): Promise<OpenApiDocument> => {
      const response = await fetch('/docs-json');
      if (!response.ok) throw new Error(`GET /docs-json: ${response.status}`);
      return (await response.json()) as OpenApiDocument;
    },
  });
}

/** `$ref` and `allOf: [{$ref}]` (how Nest describes nested DTOs) resolved, the outer description kept. */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...resolve(doc, allOf[0]), ...rest };
  }
  return schema;
}

/** The schema of one event type, from the oneOf of POST /cooperations/{id}/events. */
export function eventSchema(doc: OpenApiDocument, type: string): JsonSchema | undefined {
  const body = doc.paths['/api/v1/cooperations/{id}/events']?.post?.requestBody?.content['application/json']?.schema;
  return body?.oneOf?.map((s) => resolve(doc, s)).find((s) => s.properties?.type?.enum?.[0] === type);
}

export function requestSchema(doc: OpenApiDocument, path: string): JsonSchema | undefined {
  const schema = doc.paths[path]?.post?.requestBody?.content['application/json']?.schema;
  return schema ? resolve(doc, schema) : undefined;
}

export type OpenApi = OpenApiDocument;
export type FormValue = string | boolean | FormValue[] | { [key: string]: FormValue };

/** Empty input for a schema: the shape the form edits (numbers as the text typed). */
export function initialValue(doc: OpenApiDocument, raw: JsonSchema, required = true): FormValue {
  const schema = resolve(doc, raw);
  if (schema.type === 'object' || schema.properties) {
    const out: Record<string, FormValue> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      out[key] = initialValue(doc, child, schema.required?.includes(key) ?? false);
    }
    return out;
  }
  if (schema.type === 'array') {
    const count = required ? Math.max(schema.minItems ?? 0, schema.items?.type === 'string' ? 1 : 0) : 0;
    return Array.from({ length: count }, () => initialValue(doc, schema.items ?? {}));
  }
  if (schema.type === 'boolean') return false;
  // A one-value enum is a constant such as the event's `type`.
  if (schema.enum?.length === 1) return String(schema.enum[0]);
  return '';
}

/** The request body from the form's value: empty optional fields left out, numbers as numbers. */
export function toBody(doc: OpenApiDocument, raw: JsonSchema, value: FormValue, required = true): unknown {
  const schema = resolve(doc, raw);
  if (schema.type === 'object' || schema.properties) {
    const record = value as Record<string, FormValue>;
    // An optional group nobody filled in is left out, not sent as a group of empty fields.
    if (!required && isBlank(record)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const converted = toBody(doc, child, record[key] ?? '', schema.required?.includes(key) ?? false);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (schema.type === 'array') {
    const items = (value as FormValue[])
      .map((item) => toBody(doc, schema.items ?? {}, item))
      .filter((v) => v !== undefined);
    return items.length === 0 && !required ? undefined : items;
  }
  if (schema.type === 'boolean') return value === true;
  if (value === '') return required ? (schema.type === 'string' ? '' : undefined) : undefined;
  const typed = typeof value === 'string' ? value : '';
  if (schema.type === 'integer' || schema.type === 'number') return Number(typed.replace(',', '.'));
  return value;
}

/** Nothing typed, ticked or added anywhere in the value. */
function isBlank(value: FormValue | undefined): boolean {
  if (value === undefined || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.every(isBlank);
  if (typeof value === 'object') return Object.values(value).every(isBlank);
  return false;
}

/** `resources[0].moneyCents` and `documents.0` both become `resources.0.moneyCents` / `documents.0`. */
export const normalizePath = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
