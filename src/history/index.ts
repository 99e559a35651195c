/** What other contexts, scripts, the bench and test fixtures use of the history kernel. */
export {
  type AllChainsVerification,
  type BrokenChain,
  canonicalize,
  type ChainVerification,
  ChainVerifier,
  chainEntry,
  GENESIS_HASH,
  type HistoryEntry,
  type HistoryEntryContent,
  sha256hex,
  verifyChain,
} from './domain/hash-chain';
export { HistoryModule } from './history.module';
export {
  type ChainHead,
  type FeedKey,
  type HistoryFeedFilter,
  HistoryRepository,
  historyInsertParams,
  insertEntrySql,
  insertHistorySql,
  nextEntry,
  pgQuery,
  type Query,
  typeOrmQuery,
  VERIFY_STORED_BATCH,
} from './infrastructure/history.repository';
