import { EVENT_DTOS } from './event.dto';

type Property = Record<string, unknown> & { required?: boolean; description?: string; type?: unknown };

/** The OpenAPI metadata @nestjs/swagger keeps for each property of a class. */
function properties(dto: object): Array<[string, Property]> {
  const proto = (dto as { prototype: object }).prototype;
  const names = (Reflect.getMetadata('swagger/apiModelPropertiesArray', proto) as string[] | undefined) ?? [];
  return names
    .map((n) => n.slice(1))
    .map((key) => [key, Reflect.getMetadata('swagger/apiModelProperties', proto, key)]);
}

function classesBelow(dto: object, seen = new Set<object>()): Set<object> {
  if (seen.has(dto)) return seen;
  seen.add(dto);
  for (const [, p] of properties(dto)) {
    const type = Array.isArray(p.type) ? p.type[0] : p.type;
    if (typeof type === 'function' && type !== String) classesBelow(type, seen);
  }
  return seen;
}

describe('event DTOs compiled from the domain schemas', () => {
  const all = [...new Set(Object.values(EVENT_DTOS).flatMap((dto) => [...classesBelow(dto)]))];

  it('describe every field in German and English, except the type tag', () => {
    const undocumented = all.flatMap((dto) =>
      properties(dto)
        .filter(([key, p]) => key !== 'type' && !/ \/ /.test(p.description ?? ''))
        .map(([key]) => `${(dto as { name: string }).name}.${key}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('carry formats, limits, enums and required flags from the schema', () => {
    const field = (dto: object, key: string) => Object.fromEntries(properties(dto))[key];
    expect(field(EVENT_DTOS.RECORD_COUNCIL_RESOLUTION!, 'date')).toMatchObject({ format: 'date', required: true });
    expect(field(EVENT_DTOS.RECORD_COUNCIL_RESOLUTION!, 'body')).toMatchObject({
      enum: ['Rat', 'Kreistag', 'Hauptausschuss', 'Dringlichkeitsentscheidung'],
    });
    expect(field(EVENT_DTOS.RECORD_COUNCIL_RESOLUTION!, 'version')).toMatchObject({ type: 'integer', minimum: 1 });
    expect(field(EVENT_DTOS.ABANDON!, 'reason')).toMatchObject({ maxLength: 5000, minLength: 1, required: true });
    expect(field(EVENT_DTOS.DECLINE_INVITATION!, 'reason')).toMatchObject({ maxLength: 2000, required: false });
    expect(field(EVENT_DTOS.RAISE_CONFLICT!, 'parties')).toMatchObject({ minItems: 1, maxItems: 100 });
    expect(field(EVENT_DTOS.SIGN_LOI!, 'documents')).toMatchObject({ format: 'uuid', required: false });
    expect(field(EVENT_DTOS.INVITE_PARTNER!, 'municipality')).toMatchObject({ pattern: '^\\d{8}$' });
  });
});
