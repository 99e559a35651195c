import type { Type as ClassType } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import {
  EVENT_SCHEMAS,
  type LifecycleEventType,
  OUTSIDER_EVENT_TYPES,
  requestSchema,
  SYSTEM_EVENT_TYPES,
} from '../../domain';
import { Absent, dtoOf } from './schema-dto';

/*
 * One DTO per event type, selected by `type` (EventBodyPipe), compiled from the event's schema in
 * `domain/events/` — the one description of its shape. They check the shape so that a malformed
 * body is a 400 with field paths; what depends on the cooperation (participants, versions, dates
 * against today) is the domain's to judge (422 `invalid-event`).
 */

// The timer events have no body class on purpose: only the scheduler sends them, so over HTTP
// they are a 400 (unknown type). An outsider's event has a route of its own.
const SYSTEM: readonly string[] = [...SYSTEM_EVENT_TYPES, ...OUTSIDER_EVENT_TYPES];

const eventClassName = (type: string) =>
  `${type
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')}Event`;

/** The body classes by event type (e.g. `DRAFT_LOI` → `DraftLoiEvent`). */
export const EVENT_DTOS: { readonly [T in LifecycleEventType]?: ClassType<{ type: T }> } = Object.fromEntries(
  Object.entries(EVENT_SCHEMAS)
    .filter(([type]) => !SYSTEM.includes(type))
    .map(([type]) => [type, dtoOf(requestSchema(type as LifecycleEventType), eventClassName(type))]),
);

export const API_EVENT_TYPES = Object.keys(EVENT_DTOS) as LifecycleEventType[];

/** At most this many evidence documents per event. */
export const MAX_EVENT_DOCUMENTS = 20;

/*
 * Every event may reference evidence documents of its cooperation (signed LoI, council
 * resolution, contract, approval notice …) by id: `documents`. The adapter checks that each is a
 * document of this cooperation (422 unknown-document) and records `{id, sha256}` of each in the
 * history entry, so the hash chain commits to the evidence. The domain never sees the field.
 */
for (const dto of Object.values(EVENT_DTOS)) {
  for (const decorate of [
    ApiPropertyOptional({
      type: [String],
      format: 'uuid',
      maxItems: MAX_EVENT_DOCUMENTS,
      description:
        'Kennungen von Nachweisdokumenten dieser Kooperation (POST …/documents); ihre Hashwerte gehen in die Historie ein / ' +
        'Ids of evidence documents of this cooperation (POST …/documents); their hashes enter the history',
    }),
    Absent(),
    IsArray(),
    ArrayMaxSize(MAX_EVENT_DOCUMENTS),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  ]) {
    decorate(dto.prototype as object, 'documents');
  }
}
