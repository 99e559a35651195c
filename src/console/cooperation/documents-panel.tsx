import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { authHeaders, type Problem } from '../api/client';
import { sessionExpired } from '../api/session';
import { formatBytes, formatInstant } from '../format';
import { Empty, Loading, ProblemNotice } from '../layout/states';
import { cooperationKey, useDocuments } from './queries';

const KINDS = ['signed-loi', 'council-resolution', 'contract', 'approval-notice', 'other'] as const;

/** XMLHttpRequest, because fetch reports no upload progress. */
async function upload(
  id: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: unknown }> {
  const headers = await authHeaders();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/cooperations/${id}/documents`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText ? JSON.parse(xhr.responseText) : null });
    xhr.onerror = () => reject(new Error('network error'));
    xhr.send(form);
  });
}

/** Evidence documents: upload with progress, the list with SHA-256, downloads. */
export function DocumentsPanel({ id, canUpload }: { id: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const documents = useDocuments(id);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    if (!form.get('description')) form.delete('description');
    setProgress(0);
    setMessage(null);
    try {
      const { status, body } = await upload(id, form, setProgress);
      if (status === 401) return sessionExpired();
      if (status === 201) {
        setMessage({ ok: true, text: t('documents.uploaded', { name: file.name }) });
        formElement.reset();
        await queryClient.invalidateQueries({ queryKey: [...cooperationKey(id), 'documents'] });
      } else {
        const problem = body as Problem;
        setMessage({ ok: false, text: problem.detail ?? problem.title });
      }
    } finally {
      setProgress(null);
    }
  }

  async function download(docId: string, name: string) {
    const response = await fetch(`/api/v1/cooperations/${id}/documents/${docId}`, { headers: await authHeaders() });
    if (response.status === 401) return sessionExpired();
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="documents-title" className="ikz-section">
      <h2 className="kern-heading-medium" id="documents-title">
        {t('documents.title')}
      </h2>
      <p className="kern-body">{t('documents.intro')}</p>
      {canUpload && (
        <form className="ikz-upload" onSubmit={(e) => void onSubmit(e)}>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="upload-file">
              {t('documents.file')}
            </label>
            <input
              className="kern-form-input__input"
              type="file"
              id="upload-file"
              name="file"
              required
              accept=".pdf,.odt,.docx,.png,.jpg,.jpeg"
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="upload-kind">
              {t('documents.kind')}
            </label>
            <div className="kern-form-input__select-wrapper">
              <select className="kern-form-input__select" id="upload-kind" name="kind" defaultValue="other">
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`documents.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="upload-description">
              {t('documents.description')} <span className="kern-label__optional">({t('form.optional')})</span>
            </label>
            <input
              className="kern-form-input__input"
              type="text"
              id="upload-description"
              name="description"
              maxLength={2000}
            />
          </div>
          {progress !== null && (
            <div className="ikz-progress">
              <label className="kern-label" htmlFor="upload-progress">
                {t('documents.progress')}
              </label>
              <progress className="kern-progress" id="upload-progress" max={1} value={progress}>
                {Math.round(progress * 100)} %
              </progress>
            </div>
          )}
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={progress !== null}>
            <span className="kern-icon kern-icon--drive-folder-upload kern-icon--small" aria-hidden="true" />
            <span className="kern-label">{t('documents.upload')}</span>
          </button>
          {message && (
            <p className={message.ok ? 'kern-body' : 'kern-error'} role="status">
              {message.text}
            </p>
          )}
        </form>
      )}
      {documents.isPending ? (
        <Loading text={t('coop.loading')} />
      ) : documents.isError ? (
        <ProblemNotice error={documents.error} />
      ) : documents.data.items.length === 0 ? (
        <Empty text={t('documents.empty')} />
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">{t('documents.caption')}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('documents.name')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('documents.kind')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('documents.size')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('documents.sha256')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('documents.by')}
                </th>
                <th className="kern-table__header" scope="col">
                  <span className="kern-sr-only">{t('documents.download')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {documents.data.items.map((d) => (
                <tr className="kern-table__row" key={d.id} data-document={d.id}>
                  <td className="kern-table__cell">{d.fileName ?? d.id}</td>
                  <td className="kern-table__cell">{t(`documents.kinds.${d.kind}`)}</td>
                  <td className="kern-table__cell">{formatBytes(d.sizeBytes)}</td>
                  <td className="kern-table__cell">
                    <code className="ikz-hash">{d.sha256}</code>
                  </td>
                  <td className="kern-table__cell">
                    {d.uploadedBy.sub}, {formatInstant(d.uploadedAt)}
                  </td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary kern-btn--x-small"
                      onClick={() => void download(d.id, d.fileName ?? d.id)}
                    >
                      <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                      <span className="kern-label">
                        {t('documents.download')}
                        <span className="kern-sr-only"> {d.fileName}</span>
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
