/*
 * What a file is, judged from its bytes alone: the client's Content-Type and file name are never
 * trusted. Only the evidence formats are recognised; anything else is null (refused with 415).
 */

export const DOCUMENT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[keyof typeof DOCUMENT_MEDIA_TYPES];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_CENTRAL_HEADER = 0x02014b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ODT_MIMETYPE = DOCUMENT_MEDIA_TYPES.odt;

/**
 * What sniffing needs of a file that is streamed, not held whole: its first and last bytes (the same
 * buffer when the file is small) and its size. A ZIP's directory is at its end.
 */
export interface ContentSample {
  head: Buffer;
  tail: Buffer;
  size: number;
}

/** How much of each end `sniffMediaType` needs: a Word package's directory fits many times over. */
export const SAMPLE_BYTES = { head: 64 * 1024, tail: 256 * 1024 } as const;

/** The media type of the sampled content, or null when it is none of PDF, PNG, JPEG, ODT (text) or DOCX. */
export function sniffMediaType(sample: ContentSample): DocumentMediaType | null {
  const content = sample.head;
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return DOCUMENT_MEDIA_TYPES.pdf;
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) return DOCUMENT_MEDIA_TYPES.png;
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) {
    return DOCUMENT_MEDIA_TYPES.jpeg;
  }
  if (content.length >= 4 && content.readUInt32LE(0) === ZIP_LOCAL_HEADER) return sniffZip(sample);
  return null;
}

/**
 * An OpenDocument text starts with an uncompressed `mimetype` entry holding its media type (ODF
 * 1.2, part 3, 3.3); a Word document's package lists `[Content_Types].xml` and a `word/` part.
 * Any other archive is refused.
 */
function sniffZip(sample: ContentSample): DocumentMediaType | null {
  if (firstEntryIsOdtMimetype(sample.head)) return DOCUMENT_MEDIA_TYPES.odt;
  const names = entryNames(sample.tail, sample.size - sample.tail.length);
  if (names && names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('word/'))) {
    return DOCUMENT_MEDIA_TYPES.docx;
  }
  return null;
}

function firstEntryIsOdtMimetype(zip: Buffer): boolean {
  if (zip.length < 30) return false;
  const method = zip.readUInt16LE(8);
  const size = zip.readUInt32LE(18);
  const nameLength = zip.readUInt16LE(26);
  const extraLength = zip.readUInt16LE(28);
  const name = zip.subarray(30, 30 + nameLength).toString('latin1');
  const start = 30 + nameLength + extraLength;
  if (name !== 'mimetype' || method !== 0 || size !== ODT_MIMETYPE.length) return false;
  return zip.subarray(start, start + size).toString('latin1') === ODT_MIMETYPE;
}

/**
 * The entry names of the archive's central directory, read from its last bytes (`zip` starts at
 * `base` of the file); null when it cannot be read there.
 */
function entryNames(zip: Buffer, base: number): string[] | null {
  const end = findEndOfDirectory(zip);
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16) - base;
  if (offset < 0) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== ZIP_CENTRAL_HEADER) return null;
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > zip.length) return null;
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEndOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= lowest; i--) if (zip.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) return i;
  return -1;
}
