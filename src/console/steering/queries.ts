import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const CASE_STATUSES = ['open', 'resolved', 'failed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Escalation cases share one key, so that a decision refreshes the queue and the case alike. */
export const escalationsKey = ['escalations'] as const;

export const useEscalationQueue = (status: CaseStatus) =>
  useQuery({
    queryKey: [...escalationsKey, 'queue', status],
    queryFn: () => unwrap(api.GET('/api/v1/escalations', { params: { query: { status, limit: 100 } } })),
  });

export const useEscalationCase = (id: string) =>
  useQuery({
    queryKey: [...escalationsKey, 'case', id],
    queryFn: () => unwrap(api.GET('/api/v1/escalations/{id}', { params: { path: { id } } })),
  });
