import { initialValue, type JsonSchema, type OpenApi, toBody } from './json-schema';

const doc = {
  paths: {},
  components: {
    schemas: {
      Designation: {
        type: 'object',
        required: ['authority', 'designatedOn'],
        properties: { authority: { type: 'string' }, designatedOn: { type: 'string', format: 'date' } },
      },
    },
  },
} as unknown as OpenApi;

const step: JsonSchema = {
  type: 'object',
  required: ['authority'],
  properties: {
    authority: { type: 'string' },
    designation: { allOf: [{ $ref: '#/components/schemas/Designation' }] },
  },
};

describe('the body of a generated form', () => {
  it('leaves out an optional group nobody filled in', () => {
    const value = initialValue(doc, step) as Record<string, never>;
    expect(toBody(doc, step, { ...value, authority: 'Landrat des Kreises Borken' })).toEqual({
      authority: 'Landrat des Kreises Borken',
    });
  });

  it('sends an optional group once any of its fields is filled in', () => {
    const value = initialValue(doc, step) as Record<string, Record<string, string>>;
    const body = toBody(doc, step, {
      ...value,
      designation: { ...value.designation, authority: 'Bezirksregierung Münster' },
    });
    expect(body).toEqual({ authority: '', designation: { authority: 'Bezirksregierung Münster', designatedOn: '' } });
  });
});
