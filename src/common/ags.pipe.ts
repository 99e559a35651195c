import { Injectable, type PipeTransform } from '@nestjs/common';
import { isAgs } from './domain/identifiers';
import { text } from './i18n';
import { validationProblem } from './problem';

/** Path parameters that are keys of public bodies: exactly 8 digits, else 400. */
@Injectable()
export class ParseAgsPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isAgs(value)) throw validationProblem([{ path: 'ags', message: text('validation.ags', { field: 'ags' }) }]);
    return value;
  }
}
