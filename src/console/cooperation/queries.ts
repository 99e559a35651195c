import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

/** The cooperation's resources, one query key each, so that an accepted event refreshes them all. */
export const cooperationKey = (id: string) => ['cooperation', id] as const;

export const useCooperation = (id: string) =>
  useQuery({
    queryKey: [...cooperationKey(id), 'self'],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}', { params: { path: { id } } })),
  });

export const useNextEvents = (id: string) =>
  useQuery({
    queryKey: [...cooperationKey(id), 'next'],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}/next', { params: { path: { id } } })),
  });

export const useDocuments = (id: string) =>
  useQuery({
    queryKey: [...cooperationKey(id), 'documents'],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}/documents', { params: { path: { id } } })),
  });

export const useReports = (id: string) =>
  useQuery({
    queryKey: [...cooperationKey(id), 'reports'],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}/reports', { params: { path: { id } } })),
  });

export const useLifecycleMermaid = () =>
  useQuery({
    queryKey: ['lifecycle', 'mermaid'],
    staleTime: Infinity,
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/lifecycle.mermaid', { parseAs: 'text' });
      if (!response.ok) throw new Error(`GET /api/v1/lifecycle.mermaid: ${response.status}`);
      return data as unknown as string;
    },
  });

/** Who changed the cooperation after `version` (for the "changed meanwhile" notice). */
export async function actorsAfter(id: string, version: number): Promise<string[]> {
  const page = await unwrap(
    api.GET('/api/v1/cooperations/{id}/history', { params: { path: { id }, query: { after: version } as never } }),
  );
  const items = (page as { items: { actor: { sub: string; municipality?: string | null } }[] }).items;
  return [...new Set(items.map((e) => e.actor.sub))];
}
