import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { validationProblem } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path parameters that are resource ids: a UUID, else 400 naming the parameter. */
@Injectable()
export class ParseUuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const name = metadata.data ?? 'id';
    if (!UUID.test(value)) throw validationProblem([{ path: name, messages: [`${name} must be a UUID`] }]);
    return value.toLowerCase();
  }
}
