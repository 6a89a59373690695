// What the end-to-end tests expect to read on the pages: interface strings straight from the
// locale files (so a translation update does not break the tests) and the demo's seeded content.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { demoConsultation, demoQuestions } from '../../db/seed/demo-content'

export type E2eLocale = 'en' | 'cy'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

type Json = { [key: string]: string | Json }

function readNamespace(locale: E2eLocale, namespace: string): Json {
  return JSON.parse(fs.readFileSync(path.join(root, 'locales', locale, `${namespace}.json`), 'utf8')) as Json
}

/** t('participant', 'nav.next') with {{placeholders}} filled in; falls back to English like the app. */
export function strings(locale: E2eLocale) {
  const cache = new Map<string, Json>()
  const lookup = (loc: E2eLocale, namespace: string, key: string): string | undefined => {
    const id = `${loc}/${namespace}`
    if (!cache.has(id)) cache.set(id, readNamespace(loc, namespace))
    let node: string | Json | undefined = cache.get(id)
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
    return typeof node === 'string' ? node : undefined
  }
  const plurals = new Intl.PluralRules(locale)
  return (namespace: 'common' | 'participant' | 'questions' | 'receipt' | 'staff', key: string, values: Record<string, string | number> = {}): string => {
    // Plural keys as i18next has them: key_one, key_other (and key_zero, key_two, key_few, key_many in Welsh).
    const plural = typeof values.count === 'number' ? `${key}_${plurals.select(values.count)}` : undefined
    const template =
      (plural && lookup(locale, namespace, plural)) ?? lookup(locale, namespace, key) ?? (plural && lookup('en', namespace, `${key}_${new Intl.PluralRules('en').select(values.count as number)}`)) ?? lookup('en', namespace, key)
    if (template === undefined) throw new Error(`No string ${namespace}:${key} in locales/${locale} or locales/en`)
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`))
  }
}

export const SURVEY_PATH = `/c/${demoConsultation.slug}`
export const RESULTS_PATH = `/staff/consultations/${demoConsultation.slug}/results`

export function consultationTitle(locale: E2eLocale): string {
  return demoConsultation.title[locale]
}

export function question(key: string) {
  const found = demoQuestions.find((q) => q.key === key)
  if (!found) throw new Error(`No demo question ${key}`)
  return found
}

export function questionPosition(key: string): number {
  return demoQuestions.findIndex((q) => q.key === key) + 1
}

export const QUESTION_COUNT = demoQuestions.length

export function prompt(key: string, locale: E2eLocale): string {
  return question(key).prompt[locale]
}

export function optionKeys(questionKey: string): string[] {
  return question(questionKey).options.map((o) => o.key)
}

export function optionLabel(questionKey: string, optionKey: string, locale: E2eLocale): string {
  const option = question(questionKey).options.find((o) => o.key === optionKey)
  if (!option) throw new Error(`No option ${optionKey} in ${questionKey}`)
  return option.label[locale]
}
