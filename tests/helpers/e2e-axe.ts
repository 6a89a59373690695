// Accessibility check for end-to-end tests: axe-core against WCAG 2.0/2.1/2.2 A and AA.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

interface Options {
  /**
   * Whether the page runs JavaScript. axe needs timers, which do not run in a page whose context
   * has `javaScriptEnabled: false`; such a page is checked as an exact copy of its current DOM
   * (form state included, scripts removed) loaded with the same styles in a scripting page.
   * Detected when not given.
   */
  javaScriptEnabled?: boolean
}

/** Fails with one readable entry per rule and per element when axe finds a WCAG A/AA violation. */
export async function expectNoAxeViolations(page: Page, label?: string, options: Options = {}): Promise<void> {
  const scripting = options.javaScriptEnabled ?? (await timersRun(page))
  const results = scripting ? await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze() : await analyzeSnapshot(page)
  const where = `${label ? `${label} (${page.url()})` : page.url()}${scripting ? '' : ' [JavaScript off: checked on a copy of the DOM]'}`
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

/** True when the page runs timers (JavaScript is on). */
async function timersRun(page: Page): Promise<boolean> {
  const probe = page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0))).catch(() => false)
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500))
  return Promise.race([probe, timeout])
}

/** Serialises the page as it is now (form state written into attributes) without running any script in it. */
async function serialise(page: Page): Promise<string> {
  return page.evaluate(() => {
    const live = document.documentElement
    const copy = live.cloneNode(true) as HTMLElement
    const liveControls = live.querySelectorAll('input, textarea, option')
    const copyControls = copy.querySelectorAll('input, textarea, option')
    liveControls.forEach((el, i) => {
      const target = copyControls[i]
      if (el instanceof HTMLInputElement) {
        if (el.type === 'checkbox' || el.type === 'radio') target.toggleAttribute('checked', el.checked)
        else target.setAttribute('value', el.value)
      } else if (el instanceof HTMLTextAreaElement) {
        target.textContent = el.value
      } else if (el instanceof HTMLOptionElement) {
        target.toggleAttribute('selected', el.selected)
      }
    })
    copy.querySelectorAll('script').forEach((s) => s.remove())
    return `<!DOCTYPE html>\n${copy.outerHTML}`
  })
}

async function analyzeSnapshot(page: Page) {
  // A streamed page may still be arriving after a form post's navigation: copy it once it has all loaded.
  await page.waitForLoadState('load')
  const html = await serialise(page)
  const url = page.url()
  const browser = page.context().browser()
  if (!browser) throw new Error('expectNoAxeViolations: no browser to open the copy of a JavaScript-off page in')
  const context = await browser.newContext({ javaScriptEnabled: true, viewport: page.viewportSize() ?? undefined })
  try {
    const copy = await context.newPage()
    // The document comes from the copy; its stylesheets and images come from the app as usual.
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }))
    await copy.goto(url)
    return await new AxeBuilder({ page: copy }).withTags(WCAG_TAGS).analyze()
  } finally {
    await context.close()
  }
}
