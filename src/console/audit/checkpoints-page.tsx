import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { formatInstant } from '../format';
import { QueryTable } from '../layout/query-table';
import { auditKey } from './queries';
import { AuditSubpage } from './audit-page';

/** Signed checkpoints (every chain head under one Ed25519 signature) and their verification. */
export function CheckpointsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: [...auditKey, 'checkpoints'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/checkpoints', { params: { query: { limit: 100 } } })),
  });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/audit/checkpoints')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...auditKey, 'checkpoints'] }),
  });
  return (
    <AuditSubpage title={t('audit.checkpointsTitle')}>
      <p className="kern-body">{t('audit.checkpointsIntro')}</p>
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        onClick={() => create.mutate()}
        aria-disabled={create.isPending}
        data-create-checkpoint
      >
        <span className="kern-label">{t('audit.createCheckpoint')}</span>
      </button>
      <QueryTable
        query={list}
        rows={(data) => data.items}
        loading={t('audit.loading')}
        empty={t('audit.noCheckpoints')}
        caption={t('audit.checkpointsTitle')}
        small
        headers={(['createdAt', 'chains', 'entriesCol', 'rootHash', 'verification'] as const).map((k) =>
          t(`audit.${k}`),
        )}
      >
        {(c) => <CheckpointRow key={c.id} checkpoint={c} />}
      </QueryTable>
    </AuditSubpage>
  );
}

function CheckpointRow({ checkpoint: c }: { checkpoint: Schemas['CheckpointSummaryDto'] }) {
  const { t } = useTranslation();
  const verify = useMutation({
    mutationFn: () => unwrap(api.GET('/api/v1/audit/checkpoints/{id}/verify', { params: { path: { id: c.id } } })),
  });
  const result = verify.data;
  return (
    <tr className="kern-table__row" data-checkpoint={c.id}>
      <td className="kern-table__cell">{formatInstant(c.createdAt)}</td>
      <td className="kern-table__cell">{c.cooperations}</td>
      <td className="kern-table__cell">{c.entries}</td>
      <td className="kern-table__cell">
        <code className="ikz-hash">{c.rootHash}</code>
      </td>
      <td className="kern-table__cell" aria-live="polite">
        {result ? (
          <span data-checkpoint-valid={result.valid}>
            {result.valid
              ? t('audit.checkpointValid', { cooperations: result.cooperations })
              : t('audit.checkpointInvalid', {
                  detail:
                    result.documentError ??
                    result.divergences
                      .map((d) => `${d.cooperationId.slice(0, 8)} #${d.sequence}: ${d.reason}`)
                      .join('; '),
                })}
          </span>
        ) : (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--x-small"
            onClick={() => verify.mutate()}
            data-verify-checkpoint
          >
            <span className="kern-label">{t('audit.verifyCheckpoint')}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
