import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// The ranking buttons show a short word ("Up") and have a longer accessible name that says which
// item they move ("Move Less bullying up"). WCAG 2.5.3 (Label in Name): the name must contain the
// word on the button, or a speech-control user saying "click Up" cannot press it. Checked for every
// language, because a translation can break it.

const localesDir = join(process.cwd(), 'locales')
const buttons = { up: ['upName'], down: ['downName'], add: ['addName', 'addTopName'], remove: ['removeName', 'removeTopName'] }

const locales = readdirSync(localesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

function rankingStrings(locale: string): Record<string, string> {
  const json = JSON.parse(readFileSync(join(localesDir, locale, 'questions.json'), 'utf8')) as { ranking?: Record<string, string> }
  return json.ranking ?? {}
}

describe.each(locales)('ranking buttons in %s', (locale) => {
  const strings = rankingStrings(locale)
  for (const [word, names] of Object.entries(buttons)) {
    for (const name of names) {
      it(`"${name}" names the item and contains the visible "${word}" text`, () => {
        const visible = strings[word]
        const template = strings[name]
        expect(visible, `questions:ranking.${word}`).toBeTruthy()
        expect(template, `questions:ranking.${name}`).toContain('{{label}}')
        const spoken = template.replace('{{label}}', 'Less bullying').replace('{{top}}', '3')
        expect(spoken.toLocaleLowerCase(locale)).toContain(visible.toLocaleLowerCase(locale))
      })
    }
  }
})
