import { getMetadataStorage, IsString, registerDecorator, validateSync } from 'class-validator';
import './validation';

class Contact {
  @IsString()
  name!: string;

  position?: unknown;
}

const contact = (fields: object) => Object.assign(new Contact(), fields);
const failed = (fields: object) => validateSync(contact(fields)).map((e) => e.property);

describe("class-validator's constraint lookups, made once (memoizeConstraintLookups)", () => {
  it('answers the same lookup with the same metadata, and validates as before', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Contact, '', true, false);
    expect(storage.getTargetValidationMetadatas(Contact, '', true, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(storage.getTargetValidationMetadatas(Contact, '', false, false, ['other'])).not.toBe(first);
    expect(failed({ name: 'Maria' })).toEqual([]);
    expect(failed({ name: 42 })).toEqual(['name']);
  });

  it('a constraint registered after a lookup counts from then on', () => {
    expect(failed({ name: 'Maria', position: 7 })).toEqual([]);
    registerDecorator({
      name: 'isText',
      target: Contact,
      propertyName: 'position',
      validator: { validate: (value: unknown) => typeof value === 'string' },
    });
    expect(failed({ name: 'Maria', position: 7 })).toEqual(['position']);
    expect(failed({ name: 'Maria', position: 'Leitung' })).toEqual([]);
  });
});
