import { Readable } from 'node:stream';
import { createHash, randomUUID } from 'node:crypto';
import { CooperationsModule } from '../../src/cooperations/cooperations.module';
import { DocumentReferences } from '../../src/documents';
import { UnknownDocument } from '../../src/documents/application/documents.errors';
import { DocumentRepository } from '../../src/documents/infrastructure/document.repository';
import { HistoryRepository } from '../../src/history';
import { COORD_HEEK } from '../fixtures/building-yard.scenario';
import { createTestModule, type TestModule } from '../support/test-module';
import { stepNamed, UseCaseYard } from '../support/use-case-yard';

let m: TestModule;
let yard: UseCaseYard;
let other: UseCaseYard;

beforeAll(async () => {
  m = await createTestModule([CooperationsModule]);
  yard = new UseCaseYard(m);
  await yard.open();
  other = new UseCaseYard(m);
  await other.open();
});
afterAll(() => m.close());

/** Stores a document of `cooperationId` as the upload would; returns its reference. */
async function upload(cooperationId: string, text: string) {
  const content = Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const id = randomUUID();
  await m.get(DocumentRepository).insert(
    {
      id,
      cooperationId,
      kind: 'other',
      description: null,
      fileName: `${text}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256,
      uploadedBy: { sub: COORD_HEEK.sub, role: 'coordinator', municipality: COORD_HEEK.municipality! },
      uploadedAt: m.clock.now().toISOString(),
    },
    Readable.from([content]),
  );
  return { id, sha256 };
}

const resolve = (cooperationId: string, ids: string[]) =>
  m.dataSource.transaction((tx) => m.get(DocumentReferences).resolve(tx, cooperationId, ids));

describe('DocumentReferences.resolve', () => {
  it('answers the references in the order given, ids in lower case', async () => {
    const a = await upload(yard.id, 'a');
    const b = await upload(yard.id, 'b');
    expect(await resolve(yard.id, [b.id.toUpperCase(), a.id])).toEqual([b, a]);
  });

  it("UnknownDocument names the position of every id that is not a document of this cooperation (another's too)", async () => {
    const own = await upload(yard.id, 'own');
    const foreign = await upload(other.id, 'foreign');
    const unknown = randomUUID();
    const error = await resolve(yard.id, [own.id, foreign.id, unknown]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownDocument);
    expect((error as UnknownDocument).extensions('en')).toEqual({
      errors: [
        { path: 'documents.1', messages: [`${foreign.id} is not a document of this cooperation.`] },
        { path: 'documents.2', messages: [`${unknown} is not a document of this cooperation.`] },
      ],
    });
  });

  it('an event with evidence records the references in its history entry; an unknown one writes nothing', async () => {
    const evidence = await upload(yard.id, 'evidence');
    const { actor, event } = stepNamed('invite-legden');
    yard.at(stepNamed('invite-legden').at);
    await expect(yard.send(actor, { ...event, documents: [randomUUID()] })).rejects.toBeInstanceOf(UnknownDocument);
    expect(await m.get(HistoryRepository).entries(yard.id)).toHaveLength(1);
    const accepted = await yard.send(actor, { ...event, documents: [evidence.id] });
    expect(accepted.answer.entry.payload).toMatchObject({ documents: [evidence] });
    expect((await m.get(HistoryRepository).entries(yard.id)).map((e) => e.payload)).toContainEqual(
      expect.objectContaining({ documents: [evidence] }),
    );
    expect((await m.get(HistoryRepository).verify(yard.id)).valid).toBe(true);
  });
});
