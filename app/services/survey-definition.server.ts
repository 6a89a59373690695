// Survey definitions as JSON files (app/domain/survey-definition.ts): export a consultation, and
// create a new draft consultation from a file (import) or from another consultation (duplicate).
import { randomUUID } from 'node:crypto'
import { type DefinitionProblem, type Localised, parseSurveyDefinition, sortLocalised, type SurveyDefinition } from '~/domain/survey-definition'
import {
  type ConsultationRows,
  insertConsultationRows,
  listOptions,
  listOptionThemeKeys,
  listQuestions,
  listTexts,
  listThemesWithTexts,
  slugTaken,
} from '~/models/consultation.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import type { Consultation } from './survey.server'

type EntityType = 'consultation' | 'question' | 'option' | 'theme'
type Register = 'plain' | 'easy'

/** Texts grouped as entity → field → register → { locale: value }. */
function groupTexts(rows: Array<{ entityType: string; entityId: string; field: string; locale: string; register: string; value: string }>, defaultLocale: string) {
  const grouped = new Map<string, Localised>()
  for (const r of rows) {
    const k = `${r.entityType}|${r.entityId}|${r.field}|${r.register}`
    const entry = grouped.get(k) ?? {}
    entry[r.locale] = r.value
    grouped.set(k, entry)
  }
  return (entityType: EntityType, entityId: string, field: string, register: Register = 'plain'): Localised | undefined => {
    const value = grouped.get(`${entityType}|${entityId}|${field}|${register}`)
    return value ? sortLocalised(value, defaultLocale) : undefined
  }
}

/** Drops undefined members so an exported file has no empty easyRead blocks. */
function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined)
  return entries.length ? (Object.fromEntries(entries) as T) : undefined
}

function parseAudience(json: string | null | undefined): string[] {
  try {
    const value: unknown = JSON.parse(json || '[]')
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}

export async function exportDefinition(db: DB, consultation: Consultation): Promise<SurveyDefinition> {
  const [questions, options, texts, { themes, texts: themeTexts }, optionThemes] = await Promise.all([
    listQuestions(db, consultation.id),
    listOptions(db, consultation.id),
    listTexts(db, consultation.id),
    listThemesWithTexts(db, consultation.id),
    listOptionThemeKeys(db, consultation.id),
  ])
  const text = groupTexts(
    [...texts, ...themeTexts.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, field: r.field, locale: r.locale, register: r.register, value: r.value }))],
    consultation.default_locale
  )
  const c = consultation.id
  return {
    format: 'have-your-say/survey',
    version: 1,
    consultation: {
      defaultLocale: consultation.default_locale,
      anonymity: consultation.anonymity,
      lawfulBasis: consultation.lawful_basis as SurveyDefinition['consultation']['lawfulBasis'],
      retentionDays: consultation.retention_days,
      symbolModeDefault: consultation.symbol_mode_default === 1,
      audience: parseAudience(consultation.audience),
      title: text('consultation', c, 'title') ?? {},
      ...(text('consultation', c, 'description') ? { description: text('consultation', c, 'description') } : {}),
      ...optional('easyRead', compact({ title: text('consultation', c, 'title', 'easy'), description: text('consultation', c, 'description', 'easy') })),
    },
    themes: themes.map((t) => ({
      key: t.key,
      title: t.title,
      description: t.description,
      ...optional('words', text('theme', t.id, 'title')),
      ...optional('easyRead', compact({ words: text('theme', t.id, 'title', 'easy') })),
    })),
    questions: questions.map((q) => ({
      key: q.key,
      type: q.type as SurveyDefinition['questions'][number]['type'],
      required: q.required === 1,
      config: JSON.parse(q.config || '{}') as Record<string, unknown>,
      symbol: q.symbol,
      audio: q.audio,
      prompt: text('question', q.id, 'prompt') ?? {},
      ...optional('hint', text('question', q.id, 'hint')),
      ...optional('easyRead', compact({ prompt: text('question', q.id, 'prompt', 'easy'), hint: text('question', q.id, 'hint', 'easy') })),
      options: options
        .filter((o) => o.question_id === q.id)
        .map((o) => ({
          key: o.key,
          symbol: o.symbol,
          label: text('option', o.id, 'label') ?? {},
          ...optional('easyRead', compact({ label: text('option', o.id, 'label', 'easy') })),
          themes: optionThemes.filter((ot) => ot.option_id === o.id).map((ot) => ot.key),
        })),
    })),
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** The database rows of a new draft consultation holding `definition`, with fresh ids. */
export function definitionRows(definition: SurveyDefinition, { organisationId, slug, now }: { organisationId: string; slug: string; now: string }): ConsultationRows {
  const id = randomUUID()
  const s = definition.consultation
  const translations: ConsultationRows['translations'] = []
  const add = (entityType: EntityType, entityId: string, field: string, value: Localised | undefined, register: Register = 'plain') => {
    for (const [locale, v] of Object.entries(value ?? {})) translations.push({ entity_type: entityType, entity_id: entityId, field, locale, register, value: v })
  }
  add('consultation', id, 'title', s.title)
  add('consultation', id, 'description', s.description)
  add('consultation', id, 'title', s.easyRead?.title, 'easy')
  add('consultation', id, 'description', s.easyRead?.description, 'easy')

  const themeIds = new Map<string, string>()
  const themes = definition.themes.map((t) => {
    const themeId = randomUUID()
    themeIds.set(t.key, themeId)
    add('theme', themeId, 'title', t.words)
    add('theme', themeId, 'title', t.easyRead?.words, 'easy')
    return { id: themeId, consultation_id: id, key: t.key, title: t.title, description: t.description }
  })

  const questions: ConsultationRows['questions'] = []
  const options: ConsultationRows['options'] = []
  const optionThemes: ConsultationRows['optionThemes'] = []
  definition.questions.forEach((q, qi) => {
    const questionId = randomUUID()
    questions.push({
      id: questionId,
      consultation_id: id,
      position: qi + 1,
      key: q.key,
      type: q.type,
      required: q.required ? 1 : 0,
      config: JSON.stringify(q.config),
      symbol: q.symbol,
      audio: q.audio,
    })
    add('question', questionId, 'prompt', q.prompt)
    add('question', questionId, 'hint', q.hint)
    add('question', questionId, 'prompt', q.easyRead?.prompt, 'easy')
    add('question', questionId, 'hint', q.easyRead?.hint, 'easy')
    q.options.forEach((o, oi) => {
      const optionId = randomUUID()
      options.push({ id: optionId, question_id: questionId, position: oi + 1, key: o.key, symbol: o.symbol })
      add('option', optionId, 'label', o.label)
      add('option', optionId, 'label', o.easyRead?.label, 'easy')
      for (const theme of o.themes) optionThemes.push({ option_id: optionId, theme_id: themeIds.get(theme) as string })
    })
  })

  return {
    consultation: {
      id,
      organisation_id: organisationId,
      slug,
      status: 'draft',
      default_locale: s.defaultLocale,
      anonymity: s.anonymity,
      lawful_basis: s.lawfulBasis,
      retention_days: s.retentionDays,
      symbol_mode_default: s.symbolModeDefault ? 1 : 0,
      audience: JSON.stringify(s.audience),
      created_at: now,
      updated_at: now,
    },
    themes,
    questions,
    options,
    optionThemes,
    translations,
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MAX_LENGTH = 60

/** Problems with a new consultation's web address (empty list when it is fine and free). */
export async function checkNewSlug(db: DB, slug: string): Promise<string[]> {
  if (!slug) return ['slugMissing']
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return ['slugFormat']
  if (await slugTaken(db, slug)) return ['slugTaken']
  return []
}

/** Creates a draft consultation from a definition; records it in the audit log. */
export async function createFromDefinition(
  db: DB,
  definition: SurveyDefinition,
  {
    organisationId,
    slug,
    userId,
    action,
    details = {},
  }: { organisationId: string; slug: string; userId: string | null; action: 'consultation.import' | 'consultation.duplicate'; details?: Record<string, unknown> }
): Promise<string> {
  const rows = definitionRows(definition, { organisationId, slug, now: new Date().toISOString() })
  await insertConsultationRows(db, rows)
  await recordAudit(db, { userId, action, subject: `consultation:${slug}`, details: { ...details, questions: definition.questions.length } })
  return rows.consultation.id
}

export type ImportResult = { ok: true; slug: string } | { ok: false; fileErrors: DefinitionProblem[]; slugErrors: string[]; values: { slug: string } }

/** The import form: a file (or pasted JSON) and a new web address. Nothing is saved unless both are right. */
export async function importDefinitionForm(db: DB, form: FormData, { organisationId, userId }: { organisationId: string; userId: string | null }): Promise<ImportResult> {
  const slug = String(form.get('slug') ?? '')
    .trim()
    .toLowerCase()
  const file = form.get('file')
  const fromFile = file && typeof file === 'object' && 'size' in file && file.size > 0 ? file : null
  const source = fromFile ? await fromFile.text() : String(form.get('json') ?? '')
  const parsed = parseSurveyDefinition(source)
  const slugErrors = await checkNewSlug(db, slug)
  if (!parsed.ok || slugErrors.length) return { ok: false, fileErrors: parsed.ok ? [] : parsed.errors, slugErrors, values: { slug } }
  await createFromDefinition(db, parsed.definition, {
    organisationId,
    slug,
    userId,
    action: 'consultation.import',
    details: { filename: fromFile && 'name' in fromFile ? String(fromFile.name) : null },
  })
  return { ok: true, slug }
}
