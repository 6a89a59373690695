// Accessibility check for end-to-end tests: axe-core against WCAG 2.0/2.1/2.2 A and AA.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Fails with one readable line per rule and per element when axe finds a WCAG A/AA violation. */
export async function expectNoAxeViolations(page: Page, label?: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  const where = label ? `${label} (${page.url()})` : page.url()
  const report = results.violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim()
          return `    element: ${node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(', ')}${summary ? `\n      ${summary}` : ''}`
        })
        .join('\n')
      return `  - ${violation.id} [${violation.impact ?? 'unknown impact'}]: ${violation.help}\n    ${violation.helpUrl}\n${nodes}`
    })
    .join('\n')
  expect(results.violations.length, `axe found ${results.violations.length} WCAG violation(s) on ${where}:\n${report}\n`).toBe(0)
}
