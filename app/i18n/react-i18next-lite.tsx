// What the browser runs for `import … from 'react-i18next'` (vite.config.ts points the client build
// here; the server keeps react-i18next and i18next). It has the parts this app uses:
// I18nextProvider, useTranslation (with a namespace or keyPrefix), Trans with named or numbered
// components, and initReactI18next. Strings come from the root loader for the page's language.
// translator.test.ts renders the same keys with both and expects the same text and markup.
import { cloneElement, createContext, Fragment, createElement, isValidElement, type ReactElement, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'
import { type Strings, type TFunction, type TOptions, Translator } from './translator'

export { Translator }
export type { Strings, TFunction }

export const I18nContext = createContext<{ i18n: Translator | undefined }>({ i18n: undefined })

export function I18nextProvider({ i18n, children }: { i18n: Translator; children?: ReactNode }) {
  const value = useMemo(() => ({ i18n }), [i18n])
  return createElement(I18nContext.Provider, { value }, children)
}

/** No-op: accepted so shared code that registers the plugin still runs. */
export const initReactI18next = { type: '3rdParty' as const, init() {} }

let fallbackInstance: Translator | undefined
function useI18n(explicit?: Translator): Translator {
  const fromContext = useContext(I18nContext).i18n
  const i18n = explicit ?? fromContext
  if (i18n) return i18n
  fallbackInstance ??= new Translator({ language: 'en', fallbackLanguage: 'en', defaultNS: 'common' })
  return fallbackInstance
}

type UseTranslation = [TFunction, Translator, boolean] & { t: TFunction; i18n: Translator; ready: boolean }

export function useTranslation(ns?: string | readonly string[], options: { keyPrefix?: string; lng?: string; i18n?: Translator } = {}): UseTranslation {
  const i18n = useI18n(options.i18n)
  const [language, setLanguage] = useState(i18n.language)
  useEffect(() => {
    const update = (lng: string) => setLanguage(lng)
    i18n.on('languageChanged', update)
    if (i18n.language !== language) setLanguage(i18n.language)
    return () => i18n.off('languageChanged', update)
  }, [i18n, language])
  const namespace = typeof ns === 'string' ? ns : ns?.[0]
  const t = useMemo(() => i18n.getFixedT(options.lng ?? null, namespace ?? null, options.keyPrefix), [i18n, options.lng, namespace, options.keyPrefix, language])
  const result = [t, i18n, true] as UseTranslation
  result.t = t
  result.i18n = i18n
  result.ready = true
  return result
}

const entities: Record<string, string> = {
  '&amp;': '&', '&#38;': '&', '&lt;': '<', '&#60;': '<', '&gt;': '>', '&#62;': '>', '&apos;': "'", '&#39;': "'", '&quot;': '"', '&#34;': '"',
  '&nbsp;': '\u00a0', '&#160;': '\u00a0', '&copy;': '©', '&#169;': '©', '&reg;': '®', '&#174;': '®', '&hellip;': '…', '&#8230;': '…', '&#x2F;': '/', '&#47;': '/',
}
const unescape = (text: string) => text.replace(/&(?:amp|#38|lt|#60|gt|#62|apos|#39|quot|#34|nbsp|#160|copy|#169|reg|#174|hellip|#8230|#x2F|#47);/g, (m) => entities[m])
const escape = (text: string) => text.replace(/[&<>"'/]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '/': '&#x2F;' })[c] ?? c)

const basicTags = ['br', 'strong', 'i', 'p']

type Node = string | { name: string; children: Node[]; selfClosing: boolean }

/** Parses `text <b>bold</b> <1/>` into text and tag nodes; tags that aren't allowed stay as text. */
function parse(text: string, allowed: (name: string) => boolean): Node[] {
  const root: Node[] = []
  const stack: Array<{ name: string; children: Node[] }> = [{ name: '', children: root }]
  const pattern = /<(\/?)([a-zA-Z0-9_-]+)\s*(\/?)>/g
  let last = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [whole, closing, name, selfClosing] = match
    if (!allowed(name)) continue
    const top = stack[stack.length - 1]
    if (match.index > last) top.children.push(text.slice(last, match.index))
    last = match.index + whole.length
    if (closing) {
      if (stack.length > 1 && top.name === name) stack.pop()
    } else {
      const node = { name, children: [] as Node[], selfClosing: Boolean(selfClosing) }
      top.children.push(node)
      if (!selfClosing) stack.push(node)
    }
  }
  if (last < text.length) stack[stack.length - 1].children.push(text.slice(last))
  return root
}

export function Trans({
  i18nKey,
  t: tFromProps,
  values,
  components,
  count,
  context,
  ns,
  defaults,
  tOptions,
  parent,
}: {
  i18nKey: string
  t?: TFunction
  values?: Record<string, unknown>
  components?: Record<string, ReactElement> | ReactElement[]
  count?: number
  context?: string
  ns?: string
  defaults?: string
  tOptions?: TOptions
  parent?: string
  children?: ReactNode
}) {
  const i18n = useI18n()
  const t = tFromProps ?? i18n.t
  const escaped = Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, typeof v === 'string' ? escape(v) : v]))
  const translation = t(i18nKey, { ...tOptions, ...escaped, count, context, ns, defaultValue: defaults ?? tOptions?.defaultValue })
  const list = Array.isArray(components) ? components : undefined
  const named = !Array.isArray(components) ? components : undefined
  const component = (name: string) => (/^\d+$/.test(name) ? list?.[Number(name)] : named?.[name])
  const allowed = (name: string) => Boolean(component(name)) || basicTags.includes(name)
  const render = (nodes: Node[]): ReactNode[] =>
    nodes.map((node, i) => {
      if (typeof node === 'string') return unescape(node)
      const inner = render(node.children)
      const element = component(node.name)
      if (element && isValidElement(element)) return cloneElement(element, { key: i }, ...(node.selfClosing ? [] : inner))
      return createElement(node.name, { key: `${node.name}-${i}` }, ...(node.selfClosing ? [] : inner))
    })
  const content = translation === '' ? [] : render(parse(translation, allowed))
  return parent ? createElement(parent, null, ...content) : createElement(Fragment, null, ...content)
}
