// Keyboard-only interaction for end-to-end tests. Focus moves only with Tab / Shift+Tab; reading
// which element has focus (to know when to stop tabbing) is an observation, not an interaction.
import { expect, type Locator, type Page } from '@playwright/test'

/** A short description of the focused element, for failure messages. */
export async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return '<body>'
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${name ? ` "${name}"` : ''}>`
  })
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement)
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Fails, listing where focus went, if it is
 * not reached within `max` presses (so an element that cannot be reached by keyboard fails the test).
 * Returns the number of presses.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 150 } = {}): Promise<number> {
  const key = backwards ? 'Shift+Tab' : 'Tab'
  await expect(target, `${target} should be on the page before tabbing to it`).toBeVisible()
  const path: string[] = []
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses
    if (presses === max) break
    await page.keyboard.press(key)
    path.push(await describeFocus(page))
  }
  throw new Error(`Could not reach ${target} with ${key} in ${max} presses. Focus went: ${path.join(' → ')}`)
}

/** Tabs to a control and presses a key on it (Enter for links and buttons, Space for checkboxes). */
export async function tabAndPress(page: Page, target: Locator, key: 'Enter' | 'Space', options?: { backwards?: boolean }) {
  await tabTo(page, target, options)
  await page.keyboard.press(key)
}

/**
 * Chooses an option of a focused, closed <select> with the arrow keys (as a keyboard user does
 * without opening the list). `index` counts the select's options from 0.
 */
export async function chooseWithArrows(page: Page, select: Locator, index: number) {
  await expect(select).toBeFocused()
  const current = await select.evaluate((el) => (el as HTMLSelectElement).selectedIndex)
  const key = index > current ? 'ArrowDown' : 'ArrowUp'
  for (let i = 0; i < Math.abs(index - current); i++) await page.keyboard.press(key)
  await expect(select).toHaveJSProperty('selectedIndex', index)
}
