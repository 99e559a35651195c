import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ContentSample, SAMPLE_BYTES } from '../domain/sniff';

/** An upload's content as received: in a temporary file, hashed and sampled on the way in. */
export interface SpooledContent {
  path: string;
  sizeBytes: number;
  sha256: string;
  sample: ContentSample;
}

/** What one statement writes of a document's content (`DocumentRepository.insert`). */
const CHUNK_BYTES = 256 * 1024;

/**
 * Streams an upload into a temporary file (the operating system's temp folder), hashing it and
 * keeping its first and last bytes for sniffing: memory stays constant whatever the size, and the
 * database sees nothing of an upload until it is complete and accepted.
 */
export async function spool(content: Readable): Promise<SpooledContent> {
  const path = join(tmpdir(), `ikz-upload-${randomUUID()}`);
  const hash = createHash('sha256');
  let size = 0;
  const head: Buffer[] = [];
  let headBytes = 0;
  const tail: Buffer[] = [];
  let tailBytes = 0;
  const observe = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headBytes < SAMPLE_BYTES.head) {
        head.push(chunk.subarray(0, SAMPLE_BYTES.head - headBytes));
        headBytes += head[head.length - 1].length;
      }
      tail.push(chunk);
      tailBytes += chunk.length;
      while (tail.length > 1 && tailBytes - tail[0].length >= SAMPLE_BYTES.tail) tailBytes -= tail.shift()!.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(content, observe, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard(path);
    throw error;
  }
  const last = Buffer.concat(tail);
  return {
    path,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    sample: { head: Buffer.concat(head), tail: last.subarray(Math.max(0, last.length - SAMPLE_BYTES.tail)), size },
  };
}

/** The spooled content in the pieces the repository writes one statement each. */
export const chunksOf = (path: string): AsyncIterable<Buffer> => createReadStream(path, { highWaterMark: CHUNK_BYTES });

export const discard = (path: string): Promise<void> => rm(path, { force: true });
