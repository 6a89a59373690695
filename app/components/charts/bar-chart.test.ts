// The chart as a phone without JavaScript receives it: an SVG named and described for assistive
// technology, bars in proportion, and the same numbers in a table.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { BarChart } from './bar-chart'

const html = renderToStaticMarkup(
  createElement(BarChart, {
    id: 'themes',
    title: 'Share of respondents per theme',
    description: 'One bar per theme.',
    max: 100,
    columns: ['Theme', 'Share'],
    bars: [
      { key: 'safety', label: 'Feeling safe', value: 50, shown: '50.0%' },
      { key: 'care', label: 'Children in care', value: null, shown: 'c' },
    ],
    extra: { headers: ['Rank'], cells: (_, i) => [i === 0 ? 1 : '–'] },
  }),
)

describe('BarChart', () => {
  it('is one image named by its title and described by its desc', () => {
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="themes-title themes-desc"/)
    expect(html).toContain('<title id="themes-title">Share of respondents per theme</title>')
    expect(html).toContain('<desc id="themes-desc">One bar per theme.</desc>')
  })

  it('draws bars in proportion to the maximum, and no bar for a hidden value', () => {
    const widths = [...html.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))
    expect(widths).toEqual([(400 - 64) / 2, 0])
    expect(html).toContain('>c</text>')
  })

  it('has the same numbers in a table with row headers', () => {
    expect(html).toContain('<caption id="themes-table-caption">Share of respondents per theme</caption>')
    expect(html).toMatch(/<th scope="row">Feeling safe<\/th><td class="num">1<\/td><td class="num">50.0%<\/td>/)
    expect(html).toMatch(/<th scope="row">Children in care<\/th><td class="num">–<\/td><td class="num">c<\/td>/)
  })
})
