import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { download } from '../api/download';
import { cooperationKey } from '../cooperation/queries';
import { Empty, Loading, ProblemNotice } from '../layout/states';
import { SuccessChart } from './success-chart';
import './outside.css';
import './texts';

/** Success tracking [P6]: a chart per criterion with its target, and a table with the same numbers. */
export function SuccessPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const [generating, setGenerating] = useState(false);
  const success = useQuery({
    queryKey: [...cooperationKey(id), 'success'],
    queryFn: () => unwrap(api.GET('/api/v1/cooperations/{id}/success', { params: { path: { id } } })),
  });
  const format = (n: number) => n.toLocaleString(i18n.language);

  async function report(lang: 'de' | 'en') {
    setGenerating(true);
    try {
      await download(
        `/api/v1/cooperations/${id}/report.pdf?lang=${lang}`,
        lang === 'de' ? `sachstandsbericht-${id}.pdf` : `status-report-${id}.pdf`,
      );
    } finally {
      setGenerating(false);
    }
  }

  return (
    <section aria-labelledby="success-title">
      <p>
        <Link className="kern-link" to={`/cooperations/${id}`}>
          {t('coop.overview')}
        </Link>
      </p>
      <h1 className="kern-heading-large" id="success-title">
        {t('outside.success.title')}
      </h1>
      <p className="kern-body">{t('outside.success.intro')}</p>
      <p className="ikz-actions">
        <button
          type="button"
          className="kern-btn kern-btn--primary"
          disabled={generating}
          onClick={() => void report('de')}
        >
          <span className="kern-label">{t('outside.success.report')}</span>
        </button>{' '}
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={generating}
          onClick={() => void report('en')}
        >
          <span className="kern-label" lang="en">
            {t('outside.success.reportEn')}
          </span>
        </button>
        {generating && <Loading text={t('outside.success.generating')} />}
      </p>
      {success.isPending ? (
        <Loading text={t('coop.loading')} />
      ) : success.isError ? (
        <ProblemNotice error={success.error} />
      ) : success.data.series.length === 0 ? (
        <Empty text={t('outside.success.none')} />
      ) : (
        success.data.series.map((s, n) => (
          <article key={s.indicator} className="ikz-section ikz-success" aria-labelledby={`criterion-${n}`}>
            <h2 className="kern-heading-medium" id={`criterion-${n}`}>
              {s.indicator} ({s.unit})
            </h2>
            <p className="kern-body">
              {t('outside.success.target')}: {format(s.target)} {s.unit}
              {s.baseline !== null && ` · ${t('outside.success.baseline')}: ${format(s.baseline)}`}
            </p>
            {s.points.length === 0 ? (
              <Empty text={t('outside.success.noValues')} />
            ) : (
              <div className="ikz-success__body">
                <SuccessChart
                  series={s}
                  format={format}
                  label={t('outside.success.chart', {
                    indicator: s.indicator,
                    target: format(s.target),
                    unit: s.unit,
                    count: s.points.length,
                  })}
                />
                <table className="kern-table kern-table--small" data-criterion={s.indicator}>
                  <caption className="kern-sr-only">{t('outside.success.caption', { indicator: s.indicator })}</caption>
                  <thead className="kern-table__header">
                    <tr className="kern-table__row">
                      {(['period', 'reporter', 'value', 'acknowledged'] as const).map((k) => (
                        <th className="kern-table__header" scope="col" key={k}>
                          {t(`outside.success.${k}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {s.points.map((p) => (
                      <tr className="kern-table__row" key={`${p.reporter}/${p.period}`}>
                        <th className="kern-table__cell" scope="row">
                          {p.period}
                        </th>
                        <td className="kern-table__cell">{p.reporterName}</td>
                        <td className="kern-table__cell" data-value={p.value}>
                          {format(p.value)}
                        </td>
                        <td className="kern-table__cell">
                          {p.acknowledged ? t('outside.success.yes') : t('outside.success.no')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
        ))
      )}
    </section>
  );
}
