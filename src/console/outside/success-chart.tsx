import type { Schemas } from '../api/client';

type Series = Schemas['SuccessSeriesDto'];

const WIDTH = 480;
const HEIGHT = 200;
const PAD = { left: 48, right: 12, top: 12, bottom: 28 };
const COLORS = ['#1f4e79', '#b45f06', '#38761d', '#741b47', '#444444'];

/**
 * One criterion as a line chart: the target as a dashed line, each reporter's values as a line with
 * points. Decorative for screen readers beyond its label: the numbers are in the table beside it.
 */
export function SuccessChart({
  series,
  label,
  format,
}: {
  series: Series;
  label: string;
  format: (n: number) => string;
}) {
  const periods = [...new Set(series.points.map((p) => p.period))];
  const values = [series.target, ...series.points.map((p) => p.value)];
  let [min, max] = [Math.min(...values), Math.max(...values)];
  if (min === max) [min, max] = [min - 1, max + 1];
  const pad = (max - min) * 0.1;
  [min, max] = [min - pad, max + pad];
  const inner = { w: WIDTH - PAD.left - PAD.right, h: HEIGHT - PAD.top - PAD.bottom };
  const x = (i: number) => PAD.left + (periods.length <= 1 ? inner.w / 2 : (i * inner.w) / (periods.length - 1));
  const y = (v: number) => PAD.top + inner.h - ((v - min) / (max - min)) * inner.h;
  const reporters = [...new Set(series.points.map((p) => p.reporter))];
  return (
    <svg
      className="ikz-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
      data-indicator={series.indicator}
    >
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={PAD.top + inner.h} stroke="#888" />
      <line x1={PAD.left} y1={PAD.top + inner.h} x2={WIDTH - PAD.right} y2={PAD.top + inner.h} stroke="#888" />
      {[min, (min + max) / 2, max].map((v) => (
        <text key={v} x={PAD.left - 4} y={y(v) + 4} fontSize="10" textAnchor="end" fill="#444">
          {format(Math.round(v * 100) / 100)}
        </text>
      ))}
      {periods.map((p, i) => (
        <text key={p} x={x(i)} y={HEIGHT - 8} fontSize="10" textAnchor="middle" fill="#444">
          {p}
        </text>
      ))}
      <line
        data-target={series.target}
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={y(series.target)}
        y2={y(series.target)}
        stroke="#cc0000"
        strokeDasharray="6 4"
      />
      {reporters.map((reporter, k) => {
        const points = series.points.filter((p) => p.reporter === reporter);
        const color = COLORS[k % COLORS.length];
        return (
          <g key={reporter} data-reporter={reporter}>
            <polyline
              fill="none"
              stroke={color}
              strokeWidth="2"
              points={points.map((p) => `${x(periods.indexOf(p.period))},${y(p.value)}`).join(' ')}
            />
            {points.map((p) => (
              <circle
                key={p.period}
                data-value={p.value}
                cx={x(periods.indexOf(p.period))}
                cy={y(p.value)}
                r="3"
                fill={color}
              />
            ))}
          </g>
        );
      })}
    </svg>
  );
}
