/* What other contexts may use of the audit: the latest signed checkpoint of a cooperation. */
export { LatestCheckpointQuery, type SignedHead } from './application/latest-checkpoint.query';
export { AuditModule } from './audit.module';
