// A survey definition as a JSON file: a consultation's settings, themes, questions and options with
// every text in every language and register, so a survey can be exported, kept, shared and imported.
// Versioned (`format` + `version`); a bad file gets one problem per value, each with its path
// (`questions[3].options[0].label`). Export then import then export gives the same file.
// Server-only in practice (zod).
import { z } from 'zod'
import { audioClipSource } from './audio-clip'
import { standardDemographicOptions } from './demographics'
import { questionConfigSchemas } from './question-config'
import { isQuestionType, questionTypes } from './survey'
import { parseSymbolReference } from './symbol-reference'

export const DEFINITION_FORMAT = 'have-your-say/survey'
export const DEFINITION_VERSION = 1
/** Largest file read (characters); a big survey in three languages is well under this. */
export const DEFINITION_MAX_CHARACTERS = 2_000_000

/** UK GDPR Article 6 lawful bases a consultation can rest on. */
export const lawfulBases = ['public_task', 'consent', 'legitimate_interests', 'legal_obligation', 'vital_interests', 'contract'] as const
export type LawfulBasis = (typeof lawfulBases)[number]
export const anonymityModes = ['anonymous', 'identified'] as const
export const audienceBands = standardDemographicOptions.ageBand as readonly string[]
export const RETENTION_DAYS_MAX = 3650

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/

const key = z.string().regex(KEY, 'must be 1 to 64 letters, digits, "-", "_" or "." (starting with a letter or digit)')
const locale = z.string().regex(LOCALE, 'must be a language code such as "en" or "cy"')
const text = z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters')
/** One text in each language: `{ "en": "…", "cy": "…" }`. */
const localised = z.record(locale, text).refine((value) => Object.keys(value).length > 0, 'must have the text in at least one language')
const symbol = z
  .string()
  .nullable()
  .default(null)
  .refine((value) => value === null || parseSymbolReference(value) !== null, 'must be a symbol reference such as "openmoji:1F600", "emoji:😀" or "upload:<id>"')

const themeSchema = z
  .object({
    key,
    title: z.string().trim().min(1, 'must not be empty').max(200),
    description: z.string().max(2000).nullable().default(null),
    /** Child-friendly words for the theme ("You said, we did"), per language. */
    words: localised.optional(),
    easyRead: z.object({ words: localised.optional() }).strict().optional(),
  })
  .strict()

const optionSchema = z
  .object({
    key,
    symbol,
    label: localised,
    easyRead: z.object({ label: localised.optional() }).strict().optional(),
    /** Keys of the definition's themes this option feeds. */
    themes: z.array(key).default([]),
  })
  .strict()

const questionSchema = z
  .object({
    key,
    type: z.enum(questionTypes),
    required: z.boolean().default(false),
    /** The type's settings (app/domain/question-config.ts), kept exactly as written. */
    config: z.record(z.unknown()).default({}),
    symbol,
    /** A recorded clip: a path served by this site. */
    audio: z
      .string()
      .nullable()
      .default(null)
      .refine((value) => value === null || audioClipSource(value) === value, 'must be the path of a sound file on this site, such as "/audio/question-1.mp3"'),
    prompt: localised,
    hint: localised.optional(),
    easyRead: z.object({ prompt: localised.optional(), hint: localised.optional() }).strict().optional(),
    options: z.array(optionSchema).default([]),
  })
  .strict()

const consultationSchema = z
  .object({
    defaultLocale: locale,
    anonymity: z.enum(anonymityModes),
    lawfulBasis: z.enum(lawfulBases),
    retentionDays: z.number().int('must be a whole number').min(1).max(RETENTION_DAYS_MAX),
    symbolModeDefault: z.boolean().default(false),
    audience: z.array(z.enum(audienceBands as [string, ...string[]])).default([]),
    title: localised,
    description: localised.optional(),
    easyRead: z.object({ title: localised.optional(), description: localised.optional() }).strict().optional(),
  })
  .strict()

export const surveyDefinitionSchema = z
  .object({
    format: z.literal(DEFINITION_FORMAT),
    version: z.literal(DEFINITION_VERSION),
    consultation: consultationSchema,
    themes: z.array(themeSchema).default([]),
    questions: z.array(questionSchema).default([]),
  })
  .strict()

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>
export type DefinitionQuestion = SurveyDefinition['questions'][number]
export type DefinitionOption = DefinitionQuestion['options'][number]
export type DefinitionTheme = SurveyDefinition['themes'][number]
export type Localised = Record<string, string>

export interface DefinitionProblem {
  /** Where in the file, e.g. questions[3].options[0].label; '' for the file as a whole */
  path: string
  message: string
}

export type DefinitionParseResult = { ok: true; definition: SurveyDefinition } | { ok: false; errors: DefinitionProblem[] }

/** `['questions', 3, 'options', 0, 'label']` → `questions[3].options[0].label` */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '')
}

type Raw = Record<string, unknown>
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value)
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

/**
 * Checks across the file (repeated keys, theme names, each type's settings, options, the title in
 * the default language). They read the raw value defensively, so they are reported together with
 * the shape problems rather than only once those are fixed.
 */
export function crossCheckProblems(value: unknown): DefinitionProblem[] {
  if (!isObject(value)) return []
  const problems: DefinitionProblem[] = []
  const add = (path: Array<string | number>, message: string) => problems.push({ path: formatIssuePath(path), message })
  const consultation = value.consultation
  if (isObject(consultation) && typeof consultation.defaultLocale === 'string' && isObject(consultation.title) && !(consultation.defaultLocale in consultation.title))
    add(['consultation', 'title'], `must have the text in the default language "${consultation.defaultLocale}"`)
  const themeKeys = new Set<string>()
  listOf(value.themes).forEach((theme, index) => {
    if (!isObject(theme) || typeof theme.key !== 'string') return
    if (themeKeys.has(theme.key)) add(['themes', index, 'key'], `repeats the theme key "${theme.key}"`)
    themeKeys.add(theme.key)
  })
  const questionKeys = new Set<string>()
  listOf(value.questions).forEach((question, q) => {
    if (!isObject(question)) return
    if (typeof question.key === 'string') {
      if (questionKeys.has(question.key)) add(['questions', q, 'key'], `repeats the question key "${question.key}"`)
      questionKeys.add(question.key)
    }
    const type = typeof question.type === 'string' && isQuestionType(question.type) ? question.type : null
    if (type && (question.config === undefined || isObject(question.config))) {
      const parsed = questionConfigSchemas[type].safeParse(question.config ?? {})
      if (!parsed.success) for (const issue of parsed.error.issues) add(['questions', q, 'config', ...issue.path], issue.message)
    }
    const options = Array.isArray(question.options) ? question.options : question.options === undefined ? [] : null
    if (type && options) {
      const free = type === 'text' || type === 'story'
      if (!free && options.length === 0) add(['questions', q, 'options'], `a ${type} question needs at least one option`)
      if (free && options.length > 0) add(['questions', q, 'options'], `a ${type} question has no options`)
    }
    const optionKeys = new Set<string>()
    ;(options ?? []).forEach((option, o) => {
      if (!isObject(option)) return
      if (typeof option.key === 'string') {
        if (optionKeys.has(option.key)) add(['questions', q, 'options', o, 'key'], `repeats the option key "${option.key}"`)
        optionKeys.add(option.key)
      }
      listOf(option.themes).forEach((theme, t) => {
        if (typeof theme === 'string' && !themeKeys.has(theme)) add(['questions', q, 'options', o, 'themes', t], `names the theme "${theme}", which is not in "themes"`)
      })
    })
  })
  return problems
}

/** Validates an already-parsed value; every problem is listed with its path. */
export function validateSurveyDefinition(value: unknown): DefinitionParseResult {
  const parsed = surveyDefinitionSchema.safeParse(value)
  const problems = crossCheckProblems(value)
  if (parsed.success && problems.length === 0) return { ok: true, definition: parsed.data }
  const shape = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }))
  return { ok: false, errors: [...shape, ...problems] }
}

/** Reads a definition file's text. */
export function parseSurveyDefinition(source: string): DefinitionParseResult {
  if (source.length > DEFINITION_MAX_CHARACTERS) return { ok: false, errors: [{ path: '', message: `is too big (at most ${DEFINITION_MAX_CHARACTERS} characters)` }] }
  if (!source.trim()) return { ok: false, errors: [{ path: '', message: 'is empty' }] }
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    return { ok: false, errors: [{ path: '', message: `is not valid JSON (${error instanceof Error ? error.message : String(error)})` }] }
  }
  if (value && typeof value === 'object' && 'version' in value && value.version !== DEFINITION_VERSION && typeof value.version === 'number')
    return { ok: false, errors: [{ path: 'version', message: `is ${value.version}; this site reads version ${DEFINITION_VERSION}` }] }
  return validateSurveyDefinition(value)
}

/** The file's text: stable key order, two-space indent, a final newline. */
export function stringifySurveyDefinition(definition: SurveyDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`
}

/** A map of locale → text with its languages in a stable order (default language first, then A–Z). */
export function sortLocalised(value: Localised, defaultLocale: string): Localised {
  const locales = Object.keys(value).sort((a, b) => (a === defaultLocale ? -1 : b === defaultLocale ? 1 : a.localeCompare(b)))
  return Object.fromEntries(locales.map((l) => [l, value[l]]))
}
