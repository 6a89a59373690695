// A small translator that resolves keys exactly as i18next does for the features this app uses:
// `ns:key` and dotted keys, plural forms by Intl.PluralRules (`_zero` first for 0, ordinals),
// `_context` variants, {{variables}}, and the default language as the fallback. It runs in the
// browser in place of i18next (about 1 KB instead of about 17 KB compressed); the server keeps
// i18next. translator.test.ts checks that both give the same text for every key in every locale.

export type Strings = { [key: string]: string | Strings }
/** locale → namespace → strings */
export type Resources = Record<string, Record<string, Strings>>

export interface TOptions {
  [name: string]: unknown
  count?: number
  ordinal?: boolean
  context?: string | number
  ns?: string
  lng?: string
  defaultValue?: string
  returnObjects?: boolean
}

export type TFunction = (key: string | string[], options?: TOptions | string) => string

export interface TranslatorOptions {
  language: string
  fallbackLanguage: string
  defaultNS: string
  resources?: Resources
}

type Listener = (language: string) => void

const NS_SEPARATOR = ':'
const KEY_SEPARATOR = '.'

function lookup(strings: Strings | undefined, key: string): string | Strings | undefined {
  if (!strings) return undefined
  if (Object.prototype.hasOwnProperty.call(strings, key)) return strings[key]
  let node: string | Strings | undefined = strings
  for (const part of key.split(KEY_SEPARATOR)) {
    if (node === undefined || typeof node === 'string' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined
    node = node[part]
  }
  return node
}

function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value)
}

function valueAt(data: Record<string, unknown>, path: string): unknown {
  if (Object.prototype.hasOwnProperty.call(data, path)) return data[path]
  let node: unknown = data
  for (const part of path.split(KEY_SEPARATOR)) {
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** Replaces {{name}} (and {{- name}}) with the value; leaves a placeholder with no value as it is. */
export function interpolate(text: string, data: Record<string, unknown>): string {
  return text.replace(/\{\{(.+?)\}\}/g, (match, inner: string) => {
    const name = inner.trim().replace(/^-\s*/, '').split(',')[0].trim()
    const value = valueAt(data, name)
    return value === undefined ? match : toText(value)
  })
}

const pluralRules = new Map<string, Intl.PluralRules>()
function pluralCategory(locale: string, count: number, ordinal: boolean): string {
  const id = `${locale}|${ordinal}`
  let rules = pluralRules.get(id)
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' })
    pluralRules.set(id, rules)
  }
  return rules.select(count)
}

export class Translator {
  language: string
  readonly isInitialized = true
  readonly options: { defaultNS: string; fallbackLng: string }
  private store: Resources = {}
  private listeners = new Map<string, Set<Listener>>()

  constructor({ language, fallbackLanguage, defaultNS, resources }: TranslatorOptions) {
    this.language = language
    this.options = { defaultNS, fallbackLng: fallbackLanguage }
    for (const [lng, namespaces] of Object.entries(resources ?? {})) {
      for (const [ns, strings] of Object.entries(namespaces)) this.addResourceBundle(lng, ns, strings)
    }
    this.t = this.t.bind(this)
  }

  get languages(): string[] {
    return this.language === this.options.fallbackLng ? [this.language] : [this.language, this.options.fallbackLng]
  }

  addResourceBundle(lng: string, ns: string, strings: Strings, deep = false, overwrite = false): this {
    const byNs = (this.store[lng] ??= {})
    const current = byNs[ns]
    byNs[ns] = !current ? strings : deep ? merge(current, strings, overwrite) : { ...current, ...strings }
    return this
  }

  hasResourceBundle(lng: string, ns: string): boolean {
    return Boolean(this.store[lng]?.[ns])
  }

  getResourceBundle(lng: string, ns: string): Strings | undefined {
    return this.store[lng]?.[ns]
  }

  changeLanguage(lng?: string): Promise<TFunction> {
    if (lng && lng !== this.language) {
      this.language = lng
      for (const listener of this.listeners.get('languageChanged') ?? []) listener(lng)
    }
    return Promise.resolve(this.t)
  }

  dir(lng = this.language): 'ltr' | 'rtl' {
    return ['ar', 'ur', 'he', 'fa'].includes(lng.split('-')[0]) ? 'rtl' : 'ltr'
  }

  on(event: string, listener: Listener): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set())
    this.listeners.get(event)?.add(listener)
  }

  off(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener)
  }

  exists(key: string, options: TOptions = {}): boolean {
    return this.resolve(key, options) !== undefined
  }

  /** A t() tied to a language and/or namespace (null: the current language, the default namespace). */
  getFixedT(lng: string | null, ns?: string | readonly string[] | null, keyPrefix?: string): TFunction {
    return (key, options) => {
      const opts: TOptions = typeof options === 'string' ? { defaultValue: options } : { ...options }
      if (lng && opts.lng === undefined) opts.lng = lng
      if (ns && opts.ns === undefined) opts.ns = typeof ns === 'string' ? ns : ns[0]
      const prefixed = (k: string) => (keyPrefix && !k.includes(NS_SEPARATOR) ? `${keyPrefix}${KEY_SEPARATOR}${k}` : k)
      return this.t(Array.isArray(key) ? key.map(prefixed) : prefixed(key as string), opts)
    }
  }

  t(key: string | string[], options?: TOptions | string): string {
    const opts: TOptions = typeof options === 'string' ? { defaultValue: options } : (options ?? {})
    const keys = Array.isArray(key) ? key : [key]
    for (const k of keys) {
      const found = this.resolve(k, opts)
      if (found === undefined) continue
      if (typeof found.value !== 'string') {
        if (opts.returnObjects) return found.value as unknown as string
        return `key '${found.key} (${found.lng})' returned an object instead of string.`
      }
      return interpolate(found.value, opts)
    }
    const last = keys[keys.length - 1]
    if (opts.defaultValue !== undefined) return interpolate(opts.defaultValue, opts)
    return this.split(last, opts).key
  }

  private split(key: string, opts: TOptions): { ns: string; key: string } {
    // As i18next: everything before the first ':' is the namespace; any later ':' reads as '.'.
    if (key.includes(NS_SEPARATOR)) {
      const [ns, ...rest] = key.split(NS_SEPARATOR)
      return { ns, key: rest.join(KEY_SEPARATOR) }
    }
    return { ns: opts.ns ?? this.options.defaultNS, key }
  }

  private resolve(fullKey: string, opts: TOptions): { value: string | Strings; key: string; lng: string } | undefined {
    const { ns, key } = this.split(fullKey, opts)
    const plural = typeof opts.count === 'number'
    const hasContext = (typeof opts.context === 'string' || typeof opts.context === 'number') && opts.context !== ''
    const lngs = opts.lng ? [opts.lng, ...this.languages.filter((l) => l !== opts.lng)] : this.languages
    for (const lng of lngs) {
      // Tried last to first, as i18next does.
      const candidates = [key]
      const suffix = plural ? `${opts.ordinal ? '_ordinal' : ''}_${pluralCategory(lng, opts.count as number, Boolean(opts.ordinal))}` : ''
      const zero = plural && !opts.ordinal && opts.count === 0
      if (plural) {
        if (opts.ordinal) candidates.push(key + suffix.replace('_ordinal_', '_'))
        candidates.push(key + suffix)
        if (zero) candidates.push(`${key}_zero`)
      }
      if (hasContext) {
        const contextKey = `${key}_${opts.context}`
        candidates.push(contextKey)
        if (plural) {
          if (opts.ordinal) candidates.push(contextKey + suffix.replace('_ordinal_', '_'))
          candidates.push(contextKey + suffix)
          if (zero) candidates.push(`${contextKey}_zero`)
        }
      }
      for (let i = candidates.length - 1; i >= 0; i--) {
        const value = lookup(this.store[lng]?.[ns], candidates[i])
        if (value !== undefined) return { value, key: candidates[i], lng }
      }
    }
    return undefined
  }
}

function merge(target: Strings, source: Strings, overwrite: boolean): Strings {
  const out: Strings = { ...target }
  for (const [key, value] of Object.entries(source)) {
    const current = out[key]
    if (typeof value === 'object' && typeof current === 'object') out[key] = merge(current, value, overwrite)
    else if (current === undefined || overwrite) out[key] = value
  }
  return out
}
