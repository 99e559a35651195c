import { uuidV5 } from '../../cooperations/domain';
import type { HistoryEntry } from '../../history/domain/hash-chain';

/** A history entry as the chain records it (content, previous hash, hash): what a transition tells. */
export type RecordedEntry = HistoryEntry;

/** UUID v5 namespace of notification event and delivery ids. */
const NOTIFICATION_NAMESPACE = '3b1f6a52-8c4d-4e07-9f2a-6d5c1b8e7a90';

/** A CloudEvents 1.0 event in the JSON format (docs/notifications.md, "The CloudEvents schema"). */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: unknown;
}

export const EVENT_TYPE_PREFIX = 'de.nrw.ikz.';

/** The id of the event a history entry is told as: the same however often it is written or delivered. */
export const transitionEventId = (cooperationId: string, sequence: number): string =>
  uuidV5(NOTIFICATION_NAMESPACE, `transition ${cooperationId} ${sequence}`);

/** The id of one reminder (timer instance and lead time). */
export const reminderEventId = (
  cooperationId: string,
  timerKey: string,
  timerDueAt: string,
  leadDays: number,
): string => uuidV5(NOTIFICATION_NAMESPACE, `reminder ${cooperationId} ${timerKey} ${timerDueAt} ${leadDays}`);

/** The id of the first delivery of an event to one target (channel and address, subscription or broker). */
export const deliveryId = (eventId: string, channel: string, target: string): string =>
  uuidV5(NOTIFICATION_NAMESPACE, `delivery ${eventId} ${channel} ${target}`);

const source = (cooperationId: string) => `/api/v1/cooperations/${cooperationId}`;

/** A history entry as a CloudEvent: type `de.nrw.ikz.<event>`, subject the cooperation, data the entry with its hash. */
export function transitionEvent(entry: RecordedEntry): CloudEvent {
  return {
    specversion: '1.0',
    id: transitionEventId(entry.cooperationId, entry.sequence),
    source: source(entry.cooperationId),
    type: `${EVENT_TYPE_PREFIX}${entry.eventType}`,
    subject: entry.cooperationId,
    time: entry.recordedAt,
    datacontenttype: 'application/json',
    data: entry,
  };
}

/** A reminder as a CloudEvent (type `de.nrw.ikz.reminder.<topic>`); only e-mailed, kept for the delivery log. */
export function reminderEvent(
  id: string,
  cooperationId: string,
  topic: string,
  at: Date,
  data: Record<string, unknown>,
): CloudEvent {
  return {
    specversion: '1.0',
    id,
    source: source(cooperationId),
    type: `${EVENT_TYPE_PREFIX}reminder.${topic}`,
    subject: cooperationId,
    time: at.toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}
