/* What other contexts may use of notifications: the command path's outbox writer. */
export { OutboxWriter } from './application/outbox-writer';
export { NotificationStoreModule } from './notification-store.module';
