import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const REGIONS = ['Arnsberg', 'Detmold', 'Düsseldorf', 'Köln', 'Münster'] as const;

export interface Filter {
  fieldOfWork?: string;
  district?: string;
  region?: (typeof REGIONS)[number];
  q?: string;
}

/** The filters the register and the partner searches share; empty fields filter nothing. */
export function FilterForm({ onApply }: { onApply: (filter: Filter) => void }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const set = (key: keyof Filter) => (e: { target: { value: string } }) =>
    setFilter({ ...filter, [key]: e.target.value || undefined });
  return (
    <form
      className="ikz-filter"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(filter);
      }}
    >
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('outside.filter.legend')}</legend>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-field">
            {t('outside.filter.fieldOfWork')}
          </label>
          <input className="kern-form-input__input" id="filter-field" onChange={set('fieldOfWork')} />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-district">
            {t('outside.filter.district')}
          </label>
          <div className="kern-hint" id="filter-district-hint">
            {t('outside.filter.districtHint')}
          </div>
          <input
            className="kern-form-input__input"
            id="filter-district"
            aria-describedby="filter-district-hint"
            onChange={set('district')}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-region">
            {t('outside.filter.region')}
          </label>
          <div className="kern-form-input__select-wrapper">
            <select className="kern-form-input__select" id="filter-region" onChange={set('region')}>
              <option value="">{t('outside.filter.anyRegion')}</option>
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="filter-q">
            {t('outside.filter.q')}
          </label>
          <input className="kern-form-input__input" id="filter-q" type="search" onChange={set('q')} />
        </div>
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">{t('outside.filter.apply')}</span>
        </button>
      </fieldset>
    </form>
  );
}
