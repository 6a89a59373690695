// A horizontal bar chart drawn on the server as SVG: no JavaScript, no chart library. The picture
// is one image for assistive technology (role="img" named by its <title> and described by its
// <desc>), and the same numbers follow in a table, which is the accessible form of the chart.
import type { ReactNode } from 'react'

export interface Bar {
  key: string
  label: string
  /** The bar's length; null draws no bar (a hidden or missing value) */
  value: number | null
  /** What is written at the end of the bar and in the table, e.g. "61.2%" or "c" */
  shown: string
}

interface Props {
  id: string
  title: string
  /** One or two sentences saying what the chart shows, read by screen readers. */
  description: string
  bars: Bar[]
  /** The value a full-width bar stands for; the largest value when not given. */
  max?: number
  /** The table's header row, e.g. ["Theme", "Share"]; the table holds the same numbers as the chart. */
  columns: [string, string]
  /** Extra cells per row for the table (e.g. counts, ranks), with their headers. */
  extra?: { headers: string[]; cells: (bar: Bar, index: number) => ReactNode[]; /** per extra column: right-aligned numbers (the default) or text */ numeric?: boolean[] }
}

// About a phone's width in CSS pixels, so the 14px text stays near 14px on a phone.
const WIDTH = 400
const ROW = 44
const LABEL = 18
const BAR = 16
const VALUE_SPACE = 64

export function BarChart({ id, title, description, bars, max, columns, extra }: Props) {
  const top = Math.max(max ?? 0, ...bars.map((b) => b.value ?? 0)) || 1
  const scale = (value: number) => Math.max(0, (value / top) * (WIDTH - VALUE_SPACE))
  const height = bars.length * ROW + 4
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart__caption">
        {title}
      </figcaption>
      <svg className="chart__svg" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet" data-testid={`chart-${id}`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {bars.map((bar, i) => {
          const y = i * ROW
          const length = bar.value === null ? 0 : scale(bar.value)
          return (
            <g key={bar.key} aria-hidden="true">
              <text x={0} y={y + LABEL - 4} className="chart__label">
                {bar.label.length > 52 ? `${bar.label.slice(0, 51)}…` : bar.label}
              </text>
              <rect x={0} y={y + LABEL} width={length} height={BAR} className="chart__bar" />
              <text x={length + 6} y={y + LABEL + BAR - 3} className="chart__value">
                {bar.shown}
              </text>
            </g>
          )
        })}
      </svg>
      <div className="table-wrap" role="region" tabIndex={0} aria-labelledby={`${id}-table-caption`}>
        <table className="table" data-testid={`table-${id}`}>
          <caption id={`${id}-table-caption`}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              {extra?.headers.map((h, j) => (
                <th scope="col" key={h} className={extra.numeric?.[j] === false ? undefined : 'num'}>
                  {h}
                </th>
              ))}
              <th scope="col" className="num">
                {columns[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar, i) => (
              <tr key={bar.key} data-row={bar.key}>
                <th scope="row">{bar.label}</th>
                {extra?.cells(bar, i).map((cell, j) => (
                  <td key={j} className={extra.numeric?.[j] === false ? undefined : 'num'}>
                    {cell}
                  </td>
                ))}
                <td className="num">{bar.shown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
