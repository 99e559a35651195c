import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUuid } from './domain/identifiers';
import { text } from './i18n';
import { validationProblem } from './problem';

/** Path parameters that are resource ids: a UUID, else 400 naming the parameter. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const name = metadata.data ?? 'id';
    if (!isUuid(value)) throw validationProblem([{ path: name, message: text('validation.uuid', { field: name }) }]);
    return value.toLowerCase();
  }
}
