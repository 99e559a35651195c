import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, type Problem } from '../api/client';
import { requestSchema, useOpenApiDocument } from '../forms/json-schema';
import { SchemaForm } from '../forms/schema-form';
import { Loading, ProblemNotice } from '../layout/states';

/** POST /api/v1/cooperations as a form generated from its schema; the caller's municipality leads. */
export function OpenCooperation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const doc = useOpenApiDocument();
  const idempotencyKey = useRef(crypto.randomUUID());
  if (doc.isPending) return <Loading text={t('form.loadingSchema')} />;
  if (doc.isError) return <ProblemNotice error={doc.error} />;
  const schema = requestSchema(doc.data, '/api/v1/cooperations');
  if (!schema) return <ProblemNotice error={new Error('no schema for POST /api/v1/cooperations')} />;

  async function submit(body: unknown): Promise<Problem | null> {
    const { data, error } = await api.POST('/api/v1/cooperations', {
      body: body as never,
      headers: { 'Idempotency-Key': idempotencyKey.current },
    });
    if (data) {
      await queryClient.invalidateQueries({ queryKey: ['cooperations'] });
      void navigate(`/cooperations/${data.id}`);
      return null;
    }
    idempotencyKey.current = crypto.randomUUID();
    return error as unknown as Problem;
  }

  return (
    <article className="ikz-page" aria-labelledby="page-title">
      <h1 className="kern-heading-large" id="page-title">
        {t('form.openTitle')}
      </h1>
      <p className="kern-body">{t('form.openIntro')}</p>
      <SchemaForm
        doc={doc.data}
        schema={schema}
        draftKey="open-cooperation"
        submit={submit}
        onCancel={() => void navigate('/')}
      />
    </article>
  );
}
