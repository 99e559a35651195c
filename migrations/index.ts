import { MunicipalityRegistry1764100000001 } from './1764100000001-municipality-registry';
import { SeedMunicipalityRegistry1764100000002 } from './1764100000002-seed-municipality-registry';
import { Cooperations1764100000003 } from './1764100000003-cooperations';
import { CooperationTimers1764100000004 } from './1764100000004-cooperation-timers';
import { Audit1764200000001 } from './1764200000001-audit';
import { EscalationCasesIndex1764250000001 } from './1764250000001-escalation-cases-index';
import { EvidenceDocuments1764300000001 } from './1764300000001-evidence-documents';
import { PersonalData1764300000002 } from './1764300000002-personal-data';
import { Notifications1764400000001 } from './1764400000001-notifications';
import { TimerFailures1764400000301 } from './1764400000301-timer-failures';
import { DocumentChunks1764612000001 } from './1764612000001-document-chunks';
import { GrowthLimitIndexes1764612000002 } from './1764612000002-growth-limit-indexes';
import { WebhookSecretSealed1764700000001 } from './1764700000001-webhook-secret-sealed';
import { CooperationHeadHash1764750000001 } from './1764750000001-cooperation-head-hash';
import { EscalationCases1764750000002 } from './1764750000002-escalation-cases';
import { PublicReadModels1764800000001 } from './1764800000001-public-read-models';
import { EscalationCaseEntries1764870000001 } from './1764870000001-escalation-case-entries';

/** Every migration, in order. Listed explicitly so the build, the tests and the CLI run the same set. */
export const MIGRATIONS = [
  MunicipalityRegistry1764100000001,
  SeedMunicipalityRegistry1764100000002,
  Cooperations1764100000003,
  CooperationTimers1764100000004,
  Audit1764200000001,
  EscalationCasesIndex1764250000001,
  EvidenceDocuments1764300000001,
  PersonalData1764300000002,
  Notifications1764400000001,
  TimerFailures1764400000301,
  DocumentChunks1764612000001,
  GrowthLimitIndexes1764612000002,
  WebhookSecretSealed1764700000001,
  CooperationHeadHash1764750000001,
  EscalationCases1764750000002,
  PublicReadModels1764800000001,
  EscalationCaseEntries1764870000001,
];
