import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../layout/states';
import { useLifecycleMermaid } from './queries';

/** Marks the current states (a leaf per region of `active`) in the machine's Mermaid diagram. */
export function highlighted(mermaidText: string, state: string): string {
  const ids = state.split(',').map((s) => s.replace(/\./g, '_'));
  const marks = ids.map((id) => `  class ${id} current`).join('\n');
  return `${mermaidText.trimEnd()}\n  classDef current fill:#ffe27a,stroke:#1a1a1a,stroke-width:4px,font-weight:bold\n${marks}\n`;
}

/**
 * The lifecycle from GET /api/v1/lifecycle.mermaid, drawn in the page by Mermaid (bundled, loaded
 * only when a diagram is shown). The current state is also said in words, not by colour alone.
 */
export function LifecycleDiagram({ state, stateLabel }: { state: string; stateLabel: string }) {
  const { t } = useTranslation();
  const source = useLifecycleMermaid();
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const domId = `diagram-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  useEffect(() => {
    if (!source.data) return;
    let cancelled = false;
    void import('mermaid')
      .then(async ({ default: mermaid }) => {
        mermaid.initialize({
          startOnLoad: false,
          securityLevel: 'strict',
          theme: 'neutral',
          fontFamily: 'Fira Sans, sans-serif',
        });
        const { svg: drawn } = await mermaid.render(domId, highlighted(source.data, state));
        if (!cancelled) setSvg(drawn);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [source.data, state, domId]);

  return (
    <section className="kern-card ikz-diagram" aria-labelledby="diagram-title">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-heading-medium" id="diagram-title">
            {t('diagram.title')}
          </h2>
          <p className="kern-body kern-body--bold" data-current-state={state}>
            {t('diagram.current', { state: stateLabel })}
          </p>
        </header>
        <div className="kern-card__body">
          {failed || source.isError ? (
            <p className="kern-body">{t('diagram.failed')}</p>
          ) : svg ? (
            // Mermaid's own SVG (securityLevel strict sanitizes labels); the text above is its alternative.
            <figure
              className="ikz-diagram-figure"
              aria-label={t('diagram.current', { state: stateLabel })}
              dangerouslySetInnerHTML={{ __html: svg }}
            />
          ) : (
            <Loading text={t('diagram.loading')} />
          )}
        </div>
      </div>
    </section>
  );
}
