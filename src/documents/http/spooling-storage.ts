import type { Readable } from 'node:stream';
import { discard, spool, type SpooledContent } from '../infrastructure/upload-spool';

/** The part of multer's file object a storage engine receives. */
interface IncomingFile {
  stream: Readable;
}

/**
 * A multer storage engine that streams the file part to a temporary file (`spool`) instead of
 * buffering it in memory; multer's own limits (DOCUMENT_MAX_BYTES → 413) still apply, and multer
 * removes the spooled file when it aborts.
 */
export class SpoolingStorage {
  _handleFile(_req: unknown, file: IncomingFile, done: (error: unknown, info?: SpooledContent) => void): void {
    spool(file.stream).then(
      (info) => done(null, info),
      (error: unknown) => done(error),
    );
  }

  _removeFile(_req: unknown, file: Partial<SpooledContent>, done: (error: unknown) => void): void {
    if (!file.path) return done(null);
    discard(file.path).then(
      () => done(null),
      (error: unknown) => done(error),
    );
  }
}
