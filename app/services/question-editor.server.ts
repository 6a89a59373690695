// The question editor's use cases: list, add, edit, move and remove questions; symbols; texts in each
// language and in Easy Read; the structure lock and new versions. Every change is recorded in the
// audit log and bumps consultation.updated_at (surveys are cached by it, app/services/survey.server.ts).
import { randomUUID } from 'node:crypto'
import type { TextEntry } from '~/domain/content'
import { standardDemographicOptions } from '~/domain/demographics'
import {
  BLANK_OPTION_ROWS,
  classifyEdit,
  decideEdit,
  decideStructureChange,
  editableTypes,
  type EditErrors,
  moveInOrder,
  moveOptionRow,
  nextVersionSlug,
  type OptionFormValues,
  type QuestionDraft,
  type QuestionFormValues,
  type QuestionSnapshot,
  readQuestionForm,
  settingFields,
  startingOptionKeys,
  typeEditor,
  validateQuestionForm,
  withBlankRows,
} from '~/domain/question-editor'
import { isQuestionType, type QuestionType } from '~/domain/survey'
import { isTextPage, missingRows, readTextForm, type TextRegister, type TextRow, textPage, textSlots, textSummary } from '~/domain/survey-texts'
import { parseSymbolReference } from '~/domain/symbol-reference'
import { splitNameAndKeywords } from '~/domain/symbol-upload'
import { supportedLocales } from '~/i18n/config'
import { findConsultationBySlug, listOptions, listQuestions, listTexts } from '~/models/consultation.server'
import {
  deleteQuestion,
  findConsultationById,
  findQuestion,
  hasResponses,
  insertQuestion,
  listNextVersions,
  listOptionThemeIds,
  listQuestionOptions,
  setConsultationVersion,
  setQuestionOrder,
  setSymbol,
  updateQuestion,
  writeTexts,
} from '~/models/question-editor.server'
import { listSymbolImages } from '~/models/symbol-image.server'
import { listThemes } from '~/models/theme.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import { duplicateConsultation, nextUpdatedAt } from './consultations.server'
import type { Consultation } from './survey.server'
import { isOpenmojiSymbol, loadSymbolLibrary, openmojiIndex } from './symbols.server'

type T = (key: string, options?: Record<string, unknown>) => string

// ---- Reading -----------------------------------------------------------------------------------

/** Answers exist: the structure is locked (wording, symbols and theme links may still change). */
export function isLocked(db: DB, consultation: Consultation): Promise<boolean> {
  return hasResponses(db, consultation.id)
}

function textOf(texts: TextEntry[], locale: string) {
  return (entityType: string, entityId: string, field: string) =>
    texts.find((x) => x.entityType === entityType && x.entityId === entityId && x.field === field && x.locale === locale && x.register === 'plain')?.value ?? null
}

/** Names to show beside symbols: OpenMoji annotations, uploads' names, emoji themselves. */
export async function symbolNames(db: DB, references: Array<string | null>): Promise<Record<string, string>> {
  const names: Record<string, string> = {}
  const wanted = [...new Set(references.filter((r): r is string => Boolean(r)))]
  if (!wanted.length) return names
  const index = await openmojiIndex()
  const uploads = wanted.some((r) => r.startsWith('upload:')) ? await listSymbolImages(db) : []
  for (const reference of wanted) {
    const parsed = parseSymbolReference(reference)
    if (parsed?.kind === 'openmoji') names[reference] = index.byHexcode.get(parsed.hexcode)?.annotation ?? reference
    else if (parsed?.kind === 'upload') {
      const upload = uploads.find((u) => u.id === parsed.id)
      names[reference] = upload ? splitNameAndKeywords(upload.name).name : reference
    } else if (parsed?.kind === 'emoji') names[reference] = parsed.text
  }
  return names
}

/** Version number, the version it was made from, and versions made from it. */
export async function versionInfo(db: DB, consultation: Consultation) {
  const previous = consultation.previous_version_id ? await findConsultationById(db, consultation.previous_version_id) : undefined
  const next = await listNextVersions(db, consultation.id)
  return {
    version: consultation.version,
    previous: previous ? { slug: previous.slug, version: previous.version } : null,
    next: next.map((n) => ({ slug: n.slug, version: n.version })),
  }
}

/** The questions page: every question in order with its words, type, symbol and options. */
export async function questionList(db: DB, consultation: Consultation) {
  const [questions, options, texts, locked, version] = await Promise.all([
    listQuestions(db, consultation.id),
    listOptions(db, consultation.id),
    listTexts(db, consultation.id),
    isLocked(db, consultation),
    versionInfo(db, consultation),
  ])
  const text = textOf(texts, consultation.default_locale)
  const names = await symbolNames(
    db,
    questions.map((q) => q.symbol)
  )
  return {
    locked,
    version,
    types: editableTypes,
    questions: questions.map((q, i) => ({
      id: q.id,
      number: i + 1,
      key: q.key,
      type: q.type,
      required: q.required === 1,
      prompt: text('question', q.id, 'prompt') ?? q.key,
      symbol: q.symbol,
      symbolName: q.symbol ? names[q.symbol] ?? q.symbol : null,
      options: options.filter((o) => o.question_id === q.id).map((o) => text('option', o.id, 'label') ?? o.key),
    })),
    suggestedVersionSlug: nextVersionSlug(consultation.slug, consultation.version + 1),
  }
}

export async function requireQuestion(db: DB, consultation: Consultation, questionId: string | undefined) {
  const question = questionId ? await findQuestion(db, consultation.id, questionId) : undefined
  if (!question) throw new Response('Not found', { status: 404 })
  return question
}

async function snapshot(db: DB, consultation: Consultation, questionId: string): Promise<QuestionSnapshot & { id: string }> {
  const question = await requireQuestion(db, consultation, questionId)
  const options = await listQuestionOptions(db, question.id)
  const texts = (await listTexts(db, consultation.id)).filter((t) => (t.entityType === 'question' && t.entityId === question.id) || options.some((o) => o.id === t.entityId))
  const text = textOf(texts, consultation.default_locale)
  const links = await listOptionThemeIds(
    db,
    options.map((o) => o.id)
  )
  let config: Record<string, unknown> = {}
  try {
    config = JSON.parse(question.config || '{}')
  } catch {
    config = {}
  }
  return {
    id: question.id,
    type: question.type,
    key: question.key,
    required: question.required === 1,
    config,
    prompt: text('question', question.id, 'prompt') ?? '',
    hint: text('question', question.id, 'hint'),
    options: options.map((o) => ({ id: o.id, key: o.key, label: text('option', o.id, 'label') ?? '', themes: links.filter((l) => l.option_id === o.id).map((l) => l.theme_id) })),
  }
}

/** What a type's settings look like in the form, from a stored config (or the type's defaults). */
function settingValues(type: QuestionType, config: Record<string, unknown> | null): Record<string, string> {
  const values: Record<string, string> = {}
  for (const field of settingFields(type)) {
    const value = config ? config[field.name] : field.defaultValue
    if (field.kind === 'checkbox') values[field.name] = (config ? value === true : field.defaultValue) ? 'on' : ''
    else values[field.name] = value === undefined || value === null ? '' : String(value)
  }
  return values
}

/** The label a standard option starts with (the planner can change it). */
function standardLabel(key: string, t: T): string {
  if ((standardDemographicOptions.ageBand as readonly string[]).includes(key)) return t(`builder:form.ageBands.${key}`)
  return t(`editor:standardOptions.${key}`)
}

function startingRows(type: QuestionType, field: string | undefined, t: T): OptionFormValues[] {
  return startingOptionKeys(type, field).map((key) => ({ id: '', key, label: standardLabel(key, t), themes: [], remove: false }))
}

/** A new question's form: the type's default settings, and its starting options. */
export function newQuestionValues(type: QuestionType, t: T): QuestionFormValues {
  const settings = settingValues(type, null)
  if (type === 'demographic') settings.field = 'ageBand'
  const options = startingRows(type, settings.field, t)
  return {
    type,
    key: '',
    prompt: '',
    hint: '',
    required: false,
    settings,
    options: typeEditor(type).options.kind === 'none' ? [] : withBlankRows(options, options.length ? 0 : BLANK_OPTION_ROWS + 1),
  }
}

export async function editQuestionValues(db: DB, consultation: Consultation, questionId: string): Promise<QuestionFormValues> {
  const s = await snapshot(db, consultation, questionId)
  const type = isQuestionType(s.type) ? s.type : 'single'
  return {
    type,
    key: s.key,
    prompt: s.prompt,
    hint: s.hint ?? '',
    required: s.required,
    settings: settingValues(type, s.config),
    options: typeEditor(type).options.kind === 'none' ? [] : withBlankRows(s.options.map((o) => ({ ...o, remove: false }))),
  }
}

/** What the edit page needs besides the values: the type's form part, the themes, symbols, the lock. */
export async function questionFormContext(db: DB, consultation: Consultation, type: QuestionType, questionId?: string) {
  const [themes, locked] = await Promise.all([listThemes(db, consultation.id), isLocked(db, consultation)])
  let symbols: { question: string | null; options: Array<{ id: string; symbol: string | null }> } = { question: null, options: [] }
  if (questionId) {
    const question = await requireQuestion(db, consultation, questionId)
    const options = await listQuestionOptions(db, questionId)
    symbols = { question: question.symbol, options: options.map((o) => ({ id: o.id, symbol: o.symbol })) }
  }
  const names = await symbolNames(db, [symbols.question, ...symbols.options.map((o) => o.symbol)])
  return {
    editor: typeEditor(type),
    themes: themes.map((th) => ({ id: th.id, key: th.key, title: th.title })),
    locked,
    symbols,
    symbolNames: names,
    locale: consultation.default_locale,
  }
}

// ---- Adding and editing -----------------------------------------------------------------------------

export type QuestionFormResult = { ok: true; questionId: string } | { ok: false; errors: EditErrors; values: QuestionFormValues; notice?: 'rowsChanged' }

/** Buttons of the edit form that change only the form (nothing saved): more rows, move a row, standard categories. */
function formOnlyIntent(intent: string, values: QuestionFormValues, t: T): QuestionFormValues | null {
  if (intent === 'add-rows') return { ...values, options: withBlankRows(values.options, BLANK_OPTION_ROWS + 1) }
  if (intent === 'standard-options' && isQuestionType(values.type)) {
    const rows = startingRows(values.type, values.settings.field, t)
    return { ...values, options: withBlankRows(rows.length ? rows : values.options.filter((o) => o.id), rows.length ? 0 : BLANK_OPTION_ROWS) }
  }
  if (intent === 'change-type' && isQuestionType(values.type)) {
    const type = values.type
    const settings = settingValues(type, null)
    for (const [name, value] of Object.entries(values.settings)) if (value && name in settings) settings[name] = value
    const options =
      typeEditor(type).options.kind === 'none' ? [] : withBlankRows(values.options.some((o) => !o.remove && o.label) ? values.options : startingRows(type, settings.field, t))
    return { ...values, settings, options }
  }
  const move = /^(up|down)-(\d+)$/.exec(intent)
  if (move) return { ...values, options: moveOptionRow(values.options, Number(move[2]), move[1] as 'up' | 'down') }
  return null
}

const lockedError = (changes: string[] = []): EditErrors => ({ lock: changes.length ? { code: 'locked', values: { changes: changes.join(', ') } } : { code: 'lockedAdd' } })

export async function addQuestion(db: DB, consultation: Consultation, form: FormData, { userId, t }: { userId: string; t: T }): Promise<QuestionFormResult> {
  const values = readQuestionForm(form)
  const intent = String(form.get('intent') ?? 'save')
  const formOnly = formOnlyIntent(intent, values, t)
  if (formOnly) return { ok: false, errors: {}, values: formOnly, notice: 'rowsChanged' }
  if (!decideStructureChange(await isLocked(db, consultation)).allowed) return { ok: false, errors: lockedError(), values }
  const questions = await listQuestions(db, consultation.id)
  const result = validateQuestionForm(values, {
    otherQuestionKeys: questions.map((q) => q.key),
    themeIds: (await listThemes(db, consultation.id)).map((th) => th.id),
    optionIds: [],
  })
  if (!result.ok) return { ok: false, errors: result.errors, values }
  const id = randomUUID()
  await insertQuestion(db, consultation.id, consultation.default_locale, toWrite(id, result.question, new Set()), nextUpdatedAt(consultation.updated_at))
  await recordAudit(db, {
    userId,
    action: 'question.create',
    subject: `consultation:${consultation.slug}`,
    details: { question: result.question.key, type: result.question.type, options: result.question.options.map((o) => o.key) },
  })
  return { ok: true, questionId: id }
}

function toWrite(id: string, q: QuestionDraft, existing: ReadonlySet<string>) {
  return {
    id,
    key: q.key,
    type: q.type,
    required: q.required ? 1 : 0,
    config: JSON.stringify(q.config),
    prompt: q.prompt,
    hint: q.hint,
    options: q.options.map((o) => ({ id: o.id && existing.has(o.id) ? o.id : randomUUID(), key: o.key, label: o.label, themes: o.themes, isNew: !(o.id && existing.has(o.id)) })),
  }
}

/**
 * Saves an edited question. Once answers exist, a change of structure (type, key, settings,
 * required, options added, removed, moved or re-keyed) is refused and nothing is saved; wording
 * and theme links are saved, and each wording change is recorded with its old and new text.
 */
export async function editQuestion(db: DB, consultation: Consultation, questionId: string, form: FormData, { userId, t }: { userId: string; t: T }): Promise<QuestionFormResult> {
  const before = await snapshot(db, consultation, questionId)
  const values = readQuestionForm(form, before.type)
  const intent = String(form.get('intent') ?? 'save')
  const formOnly = formOnlyIntent(intent, values, t)
  if (formOnly) return { ok: false, errors: {}, values: formOnly, notice: 'rowsChanged' }
  const questions = await listQuestions(db, consultation.id)
  const result = validateQuestionForm(values, {
    otherQuestionKeys: questions.filter((q) => q.id !== questionId).map((q) => q.key),
    themeIds: (await listThemes(db, consultation.id)).map((th) => th.id),
    optionIds: before.options.map((o) => o.id),
  })
  if (!result.ok) return { ok: false, errors: result.errors, values }
  const changes = classifyEdit(before, result.question)
  const locked = await isLocked(db, consultation)
  const decision = decideEdit(locked, changes.structural)
  if (!decision.allowed) return { ok: false, errors: lockedError(decision.changes.map((c) => t(`editor:lock.changes.${c}`))), values }
  const existing = new Set(before.options.map((o) => o.id))
  const write = toWrite(questionId, result.question, existing)
  const removed = before.options.filter((o) => !result.question.options.some((k) => k.id === o.id)).map((o) => o.id)
  await updateQuestion(db, consultation.id, consultation.default_locale, write, removed, nextUpdatedAt(consultation.updated_at))
  const subject = `consultation:${consultation.slug}`
  if (changes.structural.length || changes.themeLinks.length)
    await recordAudit(db, {
      userId,
      action: 'question.update',
      subject,
      details: { question: result.question.key, structure: changes.structural, themeLinks: changes.themeLinks.length },
    })
  for (const w of changes.wording) {
    await recordAudit(db, {
      userId,
      action: 'question.wording',
      subject,
      details: {
        question: before.key,
        entity: w.entityType,
        id: w.optionId ?? questionId,
        field: w.field,
        locale: consultation.default_locale,
        register: 'plain',
        old: w.before,
        new: w.after,
        locked,
      },
    })
  }
  return { ok: true, questionId }
}

export async function moveQuestion(db: DB, consultation: Consultation, questionId: string, direction: 'up' | 'down', userId: string): Promise<'moved' | 'locked' | 'cannot'> {
  if (!decideStructureChange(await isLocked(db, consultation)).allowed) return 'locked'
  const questions = await listQuestions(db, consultation.id)
  const order = moveInOrder(
    questions.map((q) => q.id),
    questionId,
    direction
  )
  if (!order) return 'cannot'
  await setQuestionOrder(db, consultation.id, order, nextUpdatedAt(consultation.updated_at))
  const key = questions.find((q) => q.id === questionId)?.key
  await recordAudit(db, { userId, action: 'question.move', subject: `consultation:${consultation.slug}`, details: { question: key, direction } })
  return 'moved'
}

export async function removeQuestion(db: DB, consultation: Consultation, questionId: string, userId: string): Promise<'removed' | 'locked'> {
  const question = await requireQuestion(db, consultation, questionId)
  if (!decideStructureChange(await isLocked(db, consultation)).allowed) return 'locked'
  await deleteQuestion(db, consultation.id, questionId, nextUpdatedAt(consultation.updated_at))
  await recordAudit(db, { userId, action: 'question.remove', subject: `consultation:${consultation.slug}`, details: { question: question.key, type: question.type } })
  return 'removed'
}

/** The remove page's question: its number and words. */
export async function questionSummary(db: DB, consultation: Consultation, questionId: string) {
  const question = await requireQuestion(db, consultation, questionId)
  const questions = await listQuestions(db, consultation.id)
  const texts = await listTexts(db, consultation.id)
  return {
    id: question.id,
    key: question.key,
    type: question.type,
    number: questions.findIndex((q) => q.id === question.id) + 1,
    prompt: textOf(texts, consultation.default_locale)('question', question.id, 'prompt') ?? question.key,
  }
}

// ---- Symbols --------------------------------------------------------------------------------------

/** The symbols page: the question's and each option's symbol, and, for the one being chosen, a search. */
export async function symbolPicker(db: DB, consultation: Consultation, questionId: string, { target, query, page }: { target: string | null; query: string; page: string | null }) {
  const question = await requireQuestion(db, consultation, questionId)
  const options = await listQuestionOptions(db, questionId)
  const texts = await listTexts(db, consultation.id)
  const text = textOf(texts, consultation.default_locale)
  const names = await symbolNames(db, [question.symbol, ...options.map((o) => o.symbol)])
  const targets = [
    { id: 'question', kind: 'question' as const, label: text('question', question.id, 'prompt') ?? question.key, symbol: question.symbol },
    ...options.map((o) => ({ id: o.id, kind: 'option' as const, label: text('option', o.id, 'label') ?? o.key, symbol: o.symbol })),
  ].map((x) => ({ ...x, symbolName: x.symbol ? names[x.symbol] ?? x.symbol : null }))
  const chosen = targets.find((x) => x.id === target) ?? null
  const search = chosen && query.trim() ? await loadSymbolLibrary(db, query, page) : null
  return {
    questionNumber: (await listQuestions(db, consultation.id)).findIndex((q) => q.id === questionId) + 1,
    prompt: targets[0].label,
    targets,
    target: chosen,
    search: search
      ? {
          query: search.query,
          total: search.total,
          page: search.page,
          pages: search.pages,
          results: search.results.map((r) => ({ reference: r.reference, name: r.name, kind: r.kind })),
        }
      : null,
  }
}

/** Is this a symbol the site can show: an OpenMoji symbol in the set, an upload that exists, or an emoji? */
async function symbolExists(db: DB, reference: string): Promise<boolean> {
  const parsed = parseSymbolReference(reference)
  if (!parsed) return false
  if (parsed.kind === 'openmoji') return isOpenmojiSymbol(parsed.hexcode)
  if (parsed.kind === 'upload') return (await listSymbolImages(db)).some((u) => u.id === parsed.id)
  return true
}

/** Sets (reference) or removes (null) the symbol of the question or one of its options. Allowed when locked; recorded. */
export async function chooseSymbol(db: DB, consultation: Consultation, questionId: string, target: string, reference: string | null, userId: string): Promise<'saved' | 'unknown'> {
  const question = await requireQuestion(db, consultation, questionId)
  const options = await listQuestionOptions(db, questionId)
  const option = target === 'question' ? null : options.find((o) => o.id === target)
  if (target !== 'question' && !option) return 'unknown'
  if (reference !== null && !(await symbolExists(db, reference))) return 'unknown'
  const before = option ? option.symbol : question.symbol
  await setSymbol(
    db,
    consultation.id,
    { kind: option ? 'option' : 'question', id: option ? option.id : question.id, questionId },
    reference,
    nextUpdatedAt(consultation.updated_at)
  )
  await recordAudit(db, {
    userId,
    action: 'question.symbol',
    subject: `consultation:${consultation.slug}`,
    details: { question: question.key, option: option?.key ?? null, old: before, new: reference },
  })
  return 'saved'
}

// ---- Texts in each language and in Easy Read ---------------------------------------------------------

async function textContext(db: DB, consultation: Consultation) {
  const [questions, options, texts] = await Promise.all([listQuestions(db, consultation.id), listOptions(db, consultation.id), listTexts(db, consultation.id)])
  const slots = textSlots(
    consultation.id,
    questions.map((q) => ({ id: q.id, options: options.filter((o) => o.question_id === q.id).map((o) => ({ id: o.id })) }))
  )
  return { slots, texts, questions }
}

/** Every page (language × plain or Easy Read) with how many texts it still lacks. */
export async function textsOverview(db: DB, consultation: Consultation) {
  const { slots, texts } = await textContext(db, consultation)
  return { defaultLocale: consultation.default_locale, pages: textSummary(slots, texts, { locales: supportedLocales, defaultLocale: consultation.default_locale }) }
}

export function requireTextPage(consultation: Consultation, locale: string | undefined, register: string | undefined): { locale: string; register: TextRegister } {
  if (!locale || !register || !isTextPage(locale, register, { locales: supportedLocales, defaultLocale: consultation.default_locale }))
    throw new Response('Not found', { status: 404 })
  return { locale, register }
}

export async function textsPageRows(db: DB, consultation: Consultation, locale: string, register: TextRegister) {
  const { slots, texts } = await textContext(db, consultation)
  const rows = textPage(slots, texts, { locale, register, defaultLocale: consultation.default_locale })
  return { rows, missing: missingRows(rows).map((r) => r.name) }
}

export type TextsSaveResult =
  | { ok: true; changed: number }
  | { ok: false; errors: Record<string, { code: string; values?: Record<string, number> }>; values: Record<string, string> }

/** Saves one page of texts; each changed text is recorded with its old and new words (allowed when locked). */
export async function saveTextsPage(db: DB, consultation: Consultation, locale: string, register: TextRegister, form: FormData, userId: string): Promise<TextsSaveResult> {
  const { rows } = await textsPageRows(db, consultation, locale, register)
  const result = readTextForm(rows, form)
  if (!result.ok) return result
  if (!result.changes.length) return { ok: true, changed: 0 }
  await writeTexts(
    db,
    consultation.id,
    result.changes.map((c) => ({ entityType: c.slot.entityType, entityId: c.slot.entityId, field: c.slot.field, locale, register, value: c.after })),
    nextUpdatedAt(consultation.updated_at)
  )
  const locked = await isLocked(db, consultation)
  for (const c of result.changes) {
    await recordAudit(db, {
      userId,
      action: 'consultation.text',
      subject: `consultation:${consultation.slug}`,
      details: { entity: c.slot.entityType, id: c.slot.entityId, field: c.slot.field, locale, register, old: c.before, new: c.after, locked },
    })
  }
  return { ok: true, changed: result.changes.length }
}

export type { TextRow }

// ---- New versions ------------------------------------------------------------------------------------

export type NewVersionResult = { ok: true; slug: string } | { ok: false; errors: Record<string, string>; values: { slug: string } }

/** A new draft copy (questions, options, texts, themes, no answers) whose structure can change, linked to this one. */
export async function makeNewVersion(db: DB, consultation: Consultation, form: FormData, userId: string): Promise<NewVersionResult> {
  const result = await duplicateConsultation(db, consultation, form, userId)
  if (!result.ok) return { ok: false, errors: { 'version-slug': result.errors['duplicate-slug'] }, values: result.values }
  const copy = await findConsultationBySlug(db, result.slug)
  if (!copy) throw new Error(`The new version ${result.slug} was not saved`)
  await setConsultationVersion(db, copy.id, consultation.version + 1, consultation.id)
  await recordAudit(db, {
    userId,
    action: 'consultation.new-version',
    subject: `consultation:${result.slug}`,
    details: { from: consultation.slug, version: consultation.version + 1 },
  })
  return { ok: true, slug: result.slug }
}
