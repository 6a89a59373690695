// The question editor (staff builder): which settings and options each question type has, reading
// and checking the edit form, moving questions up and down, and the structure lock (once answers
// exist, only wording may change). Pure; the settings fields are read from the zod config schemas
// (app/domain/question-config.ts), so a new question type needs only its option rule here.
// Server-only in practice (zod): pages get the field descriptions as loader data.
import type { z } from 'zod'
import { demographicFields, SELF_DESCRIBE_OPTION, standardDemographicOptions } from './demographics'
import { questionConfigSchemas } from './question-config'
import { isQuestionType, type QuestionType, questionTypes } from './survey'

// ---- What each type has --------------------------------------------------------------------------

/**
 * The options a type takes: none (free text), any the planner writes (with a count range), the
 * fixed "yes"/"no" of consent, or the standard categories of a demographic field (area: the
 * planner's own list of places).
 */
export type OptionRule = { kind: 'none' } | { kind: 'free'; min: number; max: number } | { kind: 'yes-no' } | { kind: 'demographic' }

/** One setting of a type, as a form field. Read from the type's zod schema. */
export type SettingField =
  | { name: string; kind: 'integer'; min: number | null; max: number | null; optional: boolean; defaultValue: number | null }
  | { name: string; kind: 'choice'; choices: string[]; defaultValue: string | null }
  | { name: string; kind: 'checkbox'; defaultValue: boolean }

const FREE_OPTIONS_MAX = 30

/** The only part a new question type needs here: what options it takes. */
export const optionRules: Record<QuestionType, OptionRule> = {
  single: { kind: 'free', min: 2, max: FREE_OPTIONS_MAX },
  multi: { kind: 'free', min: 2, max: FREE_OPTIONS_MAX },
  ranking: { kind: 'free', min: 2, max: FREE_OPTIONS_MAX },
  /** 2, 3 or 5 points (checked below) */
  scale: { kind: 'free', min: 2, max: 5 },
  text: { kind: 'none' },
  demographic: { kind: 'demographic' },
  consent: { kind: 'yes-no' },
  /** A story: words (and perhaps a picture) in the participant's own way, no options */
  story: { kind: 'none' },
}

/** Types whose planner may make an answer required (demographic questions are always optional). */
export function mayBeRequired(type: QuestionType): boolean {
  return type !== 'demographic'
}

export const SCALE_POINTS = [2, 3, 5] as const
export const CONSENT_OPTION_KEYS = ['yes', 'no'] as const

type AnyDef = { typeName?: string; innerType?: z.ZodTypeAny; defaultValue?: () => unknown; checks?: Array<{ kind: string; value?: number }>; values?: string[] }
const defOf = (schema: z.ZodTypeAny) => schema._def as AnyDef

/** The form fields of a type's settings, read from its zod schema (numbers, enums, booleans). */
export function settingFields(type: QuestionType): SettingField[] {
  const schema = questionConfigSchemas[type] as unknown as z.ZodObject<z.ZodRawShape>
  const shape = schema.shape ?? {}
  return Object.entries(shape).flatMap(([name, field]): SettingField[] => {
    let inner = field as z.ZodTypeAny
    let optional = false
    let defaultValue: unknown = undefined
    for (;;) {
      const def = defOf(inner)
      if (def.typeName === 'ZodOptional' && def.innerType) {
        optional = true
        inner = def.innerType
      } else if (def.typeName === 'ZodDefault' && def.innerType && def.defaultValue) {
        defaultValue = def.defaultValue()
        inner = def.innerType
      } else break
    }
    const def = defOf(inner)
    if (def.typeName === 'ZodNumber') {
      const check = (kind: string) => def.checks?.find((c) => c.kind === kind)?.value ?? null
      return [{ name, kind: 'integer', min: check('min'), max: check('max'), optional, defaultValue: typeof defaultValue === 'number' ? defaultValue : null }]
    }
    if (def.typeName === 'ZodEnum' && def.values) return [{ name, kind: 'choice', choices: [...def.values], defaultValue: typeof defaultValue === 'string' ? defaultValue : null }]
    if (def.typeName === 'ZodBoolean') return [{ name, kind: 'checkbox', defaultValue: defaultValue === true }]
    return []
  })
}

/** Everything the edit page needs to draw a type's form part (plain data, no zod). */
export function typeEditor(type: QuestionType) {
  return { type, settings: settingFields(type), options: optionRules[type], mayBeRequired: mayBeRequired(type) }
}
export type TypeEditor = ReturnType<typeof typeEditor>

export const editableTypes: readonly QuestionType[] = questionTypes

/** The option keys a demographic field allows; null when the planner lists them (area). */
export function demographicOptionKeys(field: string): readonly string[] | null {
  return (demographicFields as readonly string[]).includes(field) ? standardDemographicOptions[field as keyof typeof standardDemographicOptions] : null
}

// ---- The form --------------------------------------------------------------------------------------

export interface OptionFormValues {
  /** The stored option's id; '' for a new row */
  id: string
  key: string
  label: string
  themes: string[]
  remove: boolean
}

export interface QuestionFormValues {
  type: string
  key: string
  prompt: string
  hint: string
  required: boolean
  /** Setting name → the text typed or chosen ('on' for a ticked box) */
  settings: Record<string, string>
  options: OptionFormValues[]
}

/** Blank option rows shown under the options, so more can be added without JavaScript. */
export const BLANK_OPTION_ROWS = 2
export const MAX_OPTION_ROWS = 60
export const PROMPT_MAX = 500
export const HINT_MAX = 1000
export const LABEL_MAX = 300

interface FormLike {
  get(name: string): unknown
  getAll(name: string): unknown[]
}

/** The edit form's fields: type, key, prompt, hint, required, setting-<name>, option-<i>-{id,key,label,themes,remove}, optionRows. */
export function readQuestionForm(form: FormLike, fallbackType = ''): QuestionFormValues {
  const str = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const type = str('type') || fallbackType
  const settings: Record<string, string> = {}
  if (isQuestionType(type)) for (const field of settingFields(type)) settings[field.name] = str(`setting-${field.name}`).trim()
  const rows = Math.min(Math.max(0, Number.parseInt(str('optionRows'), 10) || 0), MAX_OPTION_ROWS)
  const options: OptionFormValues[] = []
  for (let i = 0; i < rows; i++) {
    options.push({
      id: str(`option-${i}-id`),
      key: str(`option-${i}-key`).trim(),
      label: str(`option-${i}-label`),
      themes: form.getAll(`option-${i}-themes`).filter((v): v is string => typeof v === 'string'),
      remove: str(`option-${i}-remove`) === 'on',
    })
  }
  return { type, key: str('key').trim(), prompt: str('prompt'), hint: str('hint'), required: str('required') === 'on', settings, options }
}

export function isBlankRow(option: OptionFormValues): boolean {
  return !option.id && !option.key && !option.label.trim()
}

/** The rows the form shows: the values given without blank rows, then `blank` new ones. */
export function withBlankRows(options: OptionFormValues[], blank = BLANK_OPTION_ROWS): OptionFormValues[] {
  const kept = options.filter((o) => !isBlankRow(o))
  return [...kept, ...Array.from({ length: blank }, () => ({ id: '', key: '', label: '', themes: [], remove: false }))].slice(0, MAX_OPTION_ROWS)
}

/** Moves one option row up or down in the form (nothing saved until the planner presses Save). */
export function moveOptionRow(options: OptionFormValues[], index: number, direction: 'up' | 'down'): OptionFormValues[] {
  const to = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || index >= options.length || to < 0 || to >= options.length) return options
  const next = [...options]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/

/** A key from words: "Parks and play areas!" → "parks-and-play-areas" (letters and digits of any script kept). */
export function keyFromText(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return KEY.test(slug) ? slug : fallback
}

/** `base`, or `base-2`, `base-3`… — the first not in `taken`. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`
}

export interface QuestionDraft {
  type: QuestionType
  key: string
  required: boolean
  config: Record<string, unknown>
  prompt: string
  hint: string | null
  options: Array<{ id: string | null; key: string; label: string; themes: string[] }>
}

export interface EditError {
  /** The code of the message (locales editor.json, errors.*) */
  code: string
  values?: Record<string, string | number>
}
/** Field id (the form control's id) → its problem. 'options' for the options as a whole. */
export type EditErrors = Record<string, EditError>

export interface EditContext {
  /** Keys of the consultation's other questions */
  otherQuestionKeys: readonly string[]
  /** Ids of the consultation's themes */
  themeIds: readonly string[]
  /** The ids of the question's stored options (a row naming another id is refused) */
  optionIds: readonly string[]
}

export type EditResult = { ok: true; question: QuestionDraft } | { ok: false; errors: EditErrors }

/** Checks the form; every problem is returned at once, each beside its field. */
export function validateQuestionForm(values: QuestionFormValues, context: EditContext): EditResult {
  const errors: EditErrors = {}
  if (!isQuestionType(values.type)) return { ok: false, errors: { type: { code: 'typeMissing' } } }
  const type = values.type
  const rule = optionRules[type]

  const prompt = values.prompt.trim()
  if (!prompt) errors.prompt = { code: 'promptMissing' }
  else if (prompt.length > PROMPT_MAX) errors.prompt = { code: 'tooLong', values: { max: PROMPT_MAX } }
  const hint = values.hint.trim()
  if (hint.length > HINT_MAX) errors.hint = { code: 'tooLong', values: { max: HINT_MAX } }

  const takenKeys = new Set(context.otherQuestionKeys)
  let key = values.key
  if (!key) key = uniqueKey(keyFromText(prompt, `q${context.otherQuestionKeys.length + 1}`), takenKeys)
  else if (!KEY.test(key)) errors.key = { code: 'keyFormat' }
  else if (takenKeys.has(key)) errors.key = { code: 'keyTaken' }

  // Settings: from the form's text to the schema's types, then the schema decides.
  const config: Record<string, unknown> = {}
  for (const field of settingFields(type)) {
    const raw = values.settings[field.name] ?? ''
    const id = `setting-${field.name}`
    if (field.kind === 'checkbox') config[field.name] = raw === 'on'
    else if (field.kind === 'choice') {
      if (raw) config[field.name] = raw
      else if (field.defaultValue === null) errors[id] = { code: 'settingChoose' }
    } else if (raw === '') {
      if (!field.optional && field.defaultValue === null) errors[id] = { code: 'settingNumber' }
    } else if (!/^\d{1,6}$/.test(raw)) errors[id] = { code: 'settingNumber' }
    else config[field.name] = Number(raw)
  }
  const parsed = questionConfigSchemas[type].safeParse(config)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const id = `setting-${String(issue.path[0] ?? '')}`
      const field = settingFields(type).find((f) => `setting-${f.name}` === id)
      const range = field?.kind === 'integer' ? { min: field.min ?? 1, max: field.max ?? 100000 } : undefined
      errors[id] ??= field?.kind === 'integer' ? { code: 'settingRange', values: range } : { code: 'settingChoose' }
    }
  }

  // Options.
  const kept = values.options.filter((o) => !o.remove && !isBlankRow(o))
  const options: QuestionDraft['options'] = []
  const optionKeys = new Set<string>()
  values.options.forEach((o, i) => {
    if (o.remove || isBlankRow(o)) return
    const label = o.label.trim()
    if (!label) errors[`option-${i}-label`] = { code: 'labelMissing' }
    else if (label.length > LABEL_MAX) errors[`option-${i}-label`] = { code: 'tooLong', values: { max: LABEL_MAX } }
    let optionKey = o.key
    if (!optionKey) optionKey = uniqueKey(keyFromText(label, `option-${options.length + 1}`), optionKeys)
    else if (!KEY.test(optionKey)) errors[`option-${i}-key`] = { code: 'keyFormat' }
    else if (optionKeys.has(optionKey)) errors[`option-${i}-key`] = { code: 'optionKeyRepeated' }
    optionKeys.add(optionKey)
    if (o.id && !context.optionIds.includes(o.id)) errors[`option-${i}-label`] = { code: 'optionUnknown' }
    const themes = [...new Set(o.themes)]
    if (themes.some((t) => !context.themeIds.includes(t))) errors[`option-${i}-themes`] = { code: 'themeUnknown' }
    options.push({ id: o.id || null, key: optionKey, label, themes })
  })

  if (rule.kind === 'none' && kept.length) errors.options = { code: 'noOptions' }
  if (rule.kind === 'free') {
    if (kept.length < rule.min || kept.length > rule.max) errors.options = { code: 'optionCount', values: { min: rule.min, max: rule.max } }
    else if (type === 'scale' && !(SCALE_POINTS as readonly number[]).includes(kept.length)) errors.options = { code: 'scalePoints' }
  }
  if (rule.kind === 'yes-no') {
    const keys = options.map((o) => o.key).sort()
    if (keys.join(',') !== [...CONSENT_OPTION_KEYS].sort().join(',')) errors.options = { code: 'consentOptions' }
  }
  if (rule.kind === 'demographic' && parsed.success) {
    const allowed = demographicOptionKeys(String((parsed.data as { field?: string }).field ?? ''))
    if (kept.length < 2) errors.options = { code: 'optionCount', values: { min: 2, max: FREE_OPTIONS_MAX } }
    else if (allowed && options.some((o) => !allowed.includes(o.key))) errors.options = { code: 'demographicOptions', values: { keys: allowed.join(', ') } }
  }
  if (parsed.success) {
    const data = parsed.data as Record<string, unknown>
    if (type === 'multi' && typeof data.maxChoices === 'number' && data.maxChoices > kept.length && !errors.options)
      errors['setting-maxChoices'] = { code: 'moreThanOptions', values: { total: kept.length } }
    if (type === 'ranking' && typeof data.rankCount === 'number' && data.rankCount > kept.length && !errors.options)
      errors['setting-rankCount'] = { code: 'moreThanOptions', values: { total: kept.length } }
  }

  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors }
  return {
    ok: true,
    question: {
      type,
      key,
      required: mayBeRequired(type) ? values.required : false,
      config: parsed.data as Record<string, unknown>,
      prompt,
      hint: hint || null,
      options,
    },
  }
}

/** The form's starting rows for a new question of a type (consent: yes and no; a demographic field: its categories). */
export function startingOptionKeys(type: QuestionType, demographicField?: string): string[] {
  const rule = optionRules[type]
  if (rule.kind === 'yes-no') return [...CONSENT_OPTION_KEYS]
  if (rule.kind === 'demographic') return [...(demographicOptionKeys(demographicField ?? 'ageBand') ?? [])]
  return []
}

export { SELF_DESCRIBE_OPTION }

// ---- Order -------------------------------------------------------------------------------------

/** The list with `id` moved one place up or down; null when it cannot move (first up, last down, not there). */
export function moveInOrder<T>(ids: readonly T[], id: T, direction: 'up' | 'down'): T[] | null {
  const index = ids.indexOf(id)
  const to = direction === 'up' ? index - 1 : index + 1
  if (index < 0 || to < 0 || to >= ids.length) return null
  const next = [...ids]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}

// ---- The structure lock --------------------------------------------------------------------------

/** A stored question as the lock compares it. */
export interface QuestionSnapshot {
  type: string
  key: string
  required: boolean
  config: Record<string, unknown>
  prompt: string
  hint: string | null
  options: Array<{ id: string; key: string; label: string; themes: string[] }>
}

/** What changes when a structure is changed; each is refused once answers exist. */
export type StructuralChange = 'type' | 'key' | 'required' | 'settings' | 'optionsAdded' | 'optionsRemoved' | 'optionsReordered' | 'optionKeys'

export interface WordingChange {
  entityType: 'question' | 'option'
  /** null for the question itself (its id is known to the caller) */
  optionId: string | null
  field: 'prompt' | 'hint' | 'label'
  before: string | null
  after: string | null
}

export interface EditChanges {
  structural: StructuralChange[]
  wording: WordingChange[]
  /** Options whose theme links change (analysis only: allowed when locked) */
  themeLinks: string[]
}

function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([x], [y]) => x.localeCompare(y))
            .map(([k, v]) => [k, canonical(v)])
        )
      : value
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** Compares a stored question with an edit: what is structure, what is wording. */
export function classifyEdit(before: QuestionSnapshot, after: QuestionDraft): EditChanges {
  const structural: StructuralChange[] = []
  if (before.type !== after.type) structural.push('type')
  if (before.key !== after.key) structural.push('key')
  if (before.required !== after.required) structural.push('required')
  if (!sameJson(before.config, after.config)) structural.push('settings')
  const beforeIds = before.options.map((o) => o.id)
  const afterIds = after.options.map((o) => o.id)
  if (afterIds.some((id) => id === null)) structural.push('optionsAdded')
  if (beforeIds.some((id) => !afterIds.includes(id))) structural.push('optionsRemoved')
  const common = afterIds.filter((id): id is string => id !== null && beforeIds.includes(id))
  if (common.join('|') !== beforeIds.filter((id) => common.includes(id)).join('|')) structural.push('optionsReordered')
  if (after.options.some((o) => o.id && before.options.find((b) => b.id === o.id)?.key !== o.key)) structural.push('optionKeys')

  const wording: WordingChange[] = []
  if (before.prompt !== after.prompt) wording.push({ entityType: 'question', optionId: null, field: 'prompt', before: before.prompt, after: after.prompt })
  if ((before.hint ?? null) !== (after.hint ?? null)) wording.push({ entityType: 'question', optionId: null, field: 'hint', before: before.hint, after: after.hint })
  const themeLinks: string[] = []
  for (const o of after.options) {
    const old = o.id ? before.options.find((b) => b.id === o.id) : undefined
    if (!old) continue
    if (old.label !== o.label) wording.push({ entityType: 'option', optionId: old.id, field: 'label', before: old.label, after: o.label })
    if ([...old.themes].sort().join('|') !== [...o.themes].sort().join('|')) themeLinks.push(old.id)
  }
  return { structural, wording, themeLinks }
}

export type LockDecision = { allowed: true } | { allowed: false; reason: 'locked'; changes: StructuralChange[] }

/** Once a consultation has answers, structure may not change; wording, symbols and theme links may. */
export function decideEdit(locked: boolean, structural: readonly StructuralChange[]): LockDecision {
  if (!locked || structural.length === 0) return { allowed: true }
  return { allowed: false, reason: 'locked', changes: [...structural] }
}

/** Adding, removing or moving a question is structure. */
export function decideStructureChange(locked: boolean): LockDecision {
  return locked ? { allowed: false, reason: 'locked', changes: [] } : { allowed: true }
}

/** The web address suggested for a new version: "summer-play" → "summer-play-v2"; "summer-play-v2" → "summer-play-v3". */
export function nextVersionSlug(slug: string, nextVersion: number): string {
  const base = slug.replace(/-v\d+$/, '')
  return `${base}-v${nextVersion}`.slice(0, 60)
}
