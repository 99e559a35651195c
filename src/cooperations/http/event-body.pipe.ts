import { Injectable, type PipeTransform } from '@nestjs/common';
import { text } from '../../common/i18n';
import { validationProblem } from '../../common/problem';
import { createValidationPipe } from '../../common/validation';
import { API_EVENT_TYPES, EVENT_DTOS } from './dto/event.dto';
import type { LifecycleEventType } from '../domain';

/** A validated event body: the plain JSON as sent (for the payload and the idempotency fingerprint). */
export type EventBody = { type: LifecycleEventType } & Record<string, unknown>;

/**
 * Validates `POST …/events` bodies with the DTO its `type` names, through the application's own
 * ValidationPipe (whitelisting, field paths), since class-validator cannot discriminate a union.
 */
@Injectable()
export class EventBodyPipe implements PipeTransform<unknown, Promise<EventBody>> {
  private readonly validation = createValidationPipe();

  async transform(body: unknown): Promise<EventBody> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw validationProblem([{ path: '', message: text('validation.bodyNotObject') }]);
    }
    const type = (body as { type?: unknown }).type;
    const dto =
      typeof type === 'string' && Object.hasOwn(EVENT_DTOS, type) ? EVENT_DTOS[type as LifecycleEventType] : undefined;
    if (!dto) {
      const message = text('validation.eventType', { field: 'type', values: API_EVENT_TYPES.join(', ') });
      throw validationProblem([{ path: 'type', message }]);
    }
    await this.validation.transform(body, { type: 'body', metatype: dto });
    // The DTO instance only proves the shape; the domain gets the JSON the client sent.
    return body as EventBody;
  }
}
