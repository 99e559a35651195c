import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { hostileInput } from './body-hygiene';
import type { FieldError } from './errors';
import { validationProblem } from './problem';

/** Flattens class-validator's tree into field paths such as `resources[0].moneyCents`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : error.property;
    const path = parent === '' ? segment : segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
    const own: FieldError[] = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], path)];
  });
}

/**
 * class-validator's pipe, with the hygiene of JSON bodies (NUL, unpaired surrogates, prototype
 * keys, depth) applied first to what reaches it by other ways: query parameters and multipart
 * text fields. Each is validated like a body.
 */
class HygienicValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'body') {
      const error = hostileInput(value);
      if (error) throw validationProblem([error]);
    }
    return super.transform(value, metadata);
  }
}

export const createValidationPipe = (): ValidationPipe =>
  new HygienicValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationProblem(toFieldErrors(errors)),
  });
