import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/**
 * The steering board's, the auditors' and the administrators' pages and the notifications, each
 * loaded when first visited: most users never need them, and the first page stays small.
 */
export function partTwoRoutes(guard: (element: ReactNode) => ReactNode): RouteObject[] {
  const page = (path: string, load: () => Promise<ComponentType>): RouteObject => ({
    path,
    lazy: async () => {
      const Page = await load();
      return { element: guard(<Page />) };
    },
  });
  return [
    page('/escalations', () => import('./steering/queue-page').then((m) => m.EscalationQueuePage)),
    page('/escalations/:caseId', () => import('./steering/case-page').then((m) => m.CasePage)),
    page('/audit', () => import('./audit/feed-page').then((m) => m.AuditFeedPage)),
    page('/audit/cooperations/:id', () => import('./audit/history-page').then((m) => m.HistoryPage)),
    page('/audit/checkpoints', () => import('./audit/checkpoints-page').then((m) => m.CheckpointsPage)),
    page('/admin', () => import('./admin/registry-page').then((m) => m.AdminPage)),
    page('/admin/personal-data/:id', () => import('./admin/personal-data-page').then((m) => m.PersonalDataPage)),
    page('/notifications', () => import('./notifications/deliveries-page').then((m) => m.NotificationsPage)),
  ];
}
