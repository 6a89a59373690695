// The browser translates with app/i18n/translator.ts (and react-i18next-lite.tsx) from the strings
// the root loader sends; the server renders with i18next. Any difference would show as a hydration
// mismatch, so: every key of every locale, with and without values, must read the same in both.
import { createInstance } from 'i18next'
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider, Trans, useTranslation } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { namespaces, namespacesForPath, participantNamespaces, supportedLocales } from './config'
import { createI18n } from './i18n'
import * as lite from './react-i18next-lite'
import { pageResources, resources } from './resources.server'
import { type Strings, Translator } from './translator'

function leaves(strings: Strings, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)))
}

function valueOf(strings: Strings, key: string): string {
  return key.split('.').reduce<string | Strings>((node, part) => (node as Strings)[part], strings) as string
}

const samples = [0, 1, 2, 3, 6, 11, 100, 101, 1.5]

function liteFor(locale: string): Translator {
  return new Translator({ language: locale, fallbackLanguage: 'en', defaultNS: 'common', resources: pageResources(locale as never, namespaces) })
}

describe.each(supportedLocales)('%s: the browser translator reads like i18next', (locale) => {
  const server = createI18n(locale)
  const browser = liteFor(locale)

  it.each(namespaces)('every key of %s', (ns) => {
    const keys = new Set([...leaves(resources.en[ns] ?? {}), ...leaves(resources[locale][ns] ?? {})])
    const differences: string[] = []
    for (const key of keys) {
      const plural = /^(.*)_(zero|one|two|few|many|other)$/.exec(key)
      const base = plural ? plural[1] : key
      const text = valueOf(resources.en[ns], key) ?? ''
      const names = [...String(text).matchAll(/\{\{\s*([^,}\s]+)/g)].map((m) => m[1]).filter((n) => n !== 'count')
      const values = Object.fromEntries(names.map((n, i) => [n, `<${n}-${i}>`]))
      const cases = [{}, values, ...(plural ? samples.map((count) => ({ ...values, count })) : [])]
      for (const options of cases) {
        for (const [asked, opts] of [[`${ns}:${base}`, options], [base, { ...options, ns }]] as const) {
          const want = server.t(asked, opts)
          const got = browser.t(asked, opts)
          if (want !== got) differences.push(`${asked} ${JSON.stringify(opts)}: i18next ${JSON.stringify(want)}, browser ${JSON.stringify(got)}`)
        }
      }
    }
    expect(differences).toEqual([])
  })

  it('answers a missing key as i18next does', () => {
    for (const key of ['common:no.such.key', 'participant:nav', 'nothing', 'participant:nav.next_many']) {
      expect(browser.t(key)).toBe(server.t(key))
    }
  })

  it('renders <Trans> with named components to the same markup', () => {
    const render = (element: ReactElement) => renderToStaticMarkup(element)
    const Server = () => {
      const { t } = useTranslation('receipt')
      return createElement(Trans, { t, i18nKey: 'enter.hint', values: { example: 'AB<7>&Q' }, components: { example: createElement('span', { className: 'x' }) } })
    }
    const Browser = () => {
      const { t } = lite.useTranslation('receipt')
      return createElement(lite.Trans, { t, i18nKey: 'enter.hint', values: { example: 'AB<7>&Q' }, components: { example: createElement('span', { className: 'x' }) } })
    }
    const want = render(createElement(I18nextProvider, { i18n: server }, createElement(Server)))
    expect(want).toContain('<span class="x">AB&lt;7&gt;&amp;Q</span>')
    expect(render(createElement(lite.I18nextProvider, { i18n: browser }, createElement(Browser)))).toBe(want)
  })
})

describe('the browser translator, beyond the locale files', () => {
  const strings = {
    a: { b: 'Hello {{name}}, {{missing}}', list: 'Fruit: {{items}}', none: 'Nothing: {{x}}' },
    item_one: 'one item',
    item_other: '{{count}} items',
    item_zero: 'no items',
    place_ordinal_one: '{{count}}st',
    place_ordinal_two: '{{count}}nd',
    place_ordinal_few: '{{count}}rd',
    place_ordinal_other: '{{count}}th',
    friend: 'a friend',
    friend_male: 'a boyfriend',
    friend_male_other: '{{count}} boyfriends',
    tree: { leaf: 'leaf' },
  }
  const server = createInstance()
  void server.init({ lng: 'en', fallbackLng: 'en', initAsync: false, defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false, resources: { en: { common: strings } } })
  const browser = new Translator({ language: 'en', fallbackLanguage: 'en', defaultNS: 'common', resources: { en: { common: strings } } })

  it.each([
    ['a.b', { name: 'Sam' }],
    ['a.list', { items: ['apple', 'pear'] }],
    ['a.none', { x: null }],
    ['item', { count: 0 }],
    ['item', { count: 1 }],
    ['item', { count: 7 }],
    ['place', { count: 1, ordinal: true }],
    ['place', { count: 22, ordinal: true }],
    ['place', { count: 13, ordinal: true }],
    ['friend', { context: 'male' }],
    ['friend', { context: 'male', count: 2 }],
    ['friend', { context: 'female' }],
    ['tree', {}],
    ['missing', { defaultValue: 'Default {{n}}', n: 3 }],
  ] as const)('%s %j', (key, options) => {
    expect(browser.t(key, options)).toEqual(server.t(key, options))
  })

  it('returns objects only when asked', () => {
    expect(browser.t('tree', { returnObjects: true })).toEqual({ leaf: 'leaf' })
  })
})

describe('the strings a page gets', () => {
  it('are its language only, for the namespaces its path needs', () => {
    const page = pageResources('cy', namespacesForPath('/c/have-your-say/q/1'))
    expect(Object.keys(page)).toEqual(['cy'])
    expect(Object.keys(page.cy).sort()).toEqual([...participantNamespaces].sort())
    expect(namespacesForPath('/staff/consultations')).toEqual(namespaces)
    expect(namespacesForPath('/receipt')).toEqual(participantNamespaces)
    expect(namespacesForPath('/')).toEqual(participantNamespaces)
    expect(namespacesForPath('/cats')).toEqual(namespaces)
  })
})
