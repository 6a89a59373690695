// A consultation's themes (its codebook) and which options feed them. Every change is audited.
import { parseThemeForm, themeTitleField } from '~/domain/actions'
import { discloseCount } from '~/domain/disclosure'
import { countCodedItemsByTheme } from '~/models/coding.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { createTheme, deleteTheme, listOptionThemeLinks, listThemes, listThemeTexts, replaceOptionThemeLinks, updateTheme } from '~/models/theme.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import { type Consultation, loadSurvey } from './survey.server'

export async function loadThemesPage(db: DB, consultation: Consultation, locale: string) {
  const [survey, themes, texts, links, coded, threshold] = await Promise.all([
    loadSurvey(db, consultation, locale),
    listThemes(db, consultation.id),
    listThemeTexts(db, consultation.id),
    listOptionThemeLinks(db, consultation.id),
    countCodedItemsByTheme(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
  ])
  return {
    title: survey.title,
    themes: themes.map((t) => ({
      ...t,
      // Free-text answers and stories coded to the theme (coding workspace), small numbers hidden.
      coded: discloseCount(coded[t.id] ?? 0, threshold),
      titles: Object.fromEntries(texts.filter((x) => x.entityId === t.id && x.field === 'title').map((x) => [themeTitleField(x.locale, x.register), x.value])),
    })),
    questions: survey.questions
      .filter((q) => ['single', 'multi', 'ranking', 'scale'].includes(q.type) && q.options.length)
      .map((q) => ({ key: q.key, prompt: q.prompt, type: q.type, options: q.options.map((o) => ({ id: o.id, label: o.label, themeIds: links.filter((l) => l.optionId === o.id).map((l) => l.themeId) })) })),
  }
}

export type ThemeFormResult = { ok: true; message: string } | { ok: false; intent: string; themeId?: string; errors: Array<{ field: string; message: string }>; values: Record<string, string> }

export async function submitThemesForm(db: DB, consultation: Consultation, form: FormData, userId: string): Promise<ThemeFormResult> {
  const intent = String(form.get('intent') ?? '')
  const themes = await listThemes(db, consultation.id)
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'))
  const subject = (id: string) => `theme:${id}`

  if (intent === 'create') {
    const parsed = parseThemeForm(form, themes.map((t) => t.key))
    if (!parsed.ok) return { ok: false, intent, errors: parsed.errors, values }
    const id = await createTheme(db, { consultationId: consultation.id, ...parsed.value })
    await recordAudit(db, { userId, action: 'theme.create', subject: subject(id), details: { consultation: consultation.slug, key: parsed.value.key, title: parsed.value.title } })
    return { ok: true, message: 'themes.created' }
  }
  if (intent === 'update' || intent === 'delete') {
    const theme = themes.find((t) => t.id === form.get('themeId'))
    if (!theme) throw new Response('Not found', { status: 404 })
    if (intent === 'delete') {
      await deleteTheme(db, consultation.id, theme.id)
      await recordAudit(db, { userId, action: 'theme.delete', subject: subject(theme.id), details: { consultation: consultation.slug, key: theme.key } })
      return { ok: true, message: 'themes.deleted' }
    }
    // The key stays; it is what exports and links use.
    const withKey = new FormData()
    for (const [name, value] of form.entries()) withKey.append(name, value)
    withKey.set('key', theme.key)
    const parsed = parseThemeForm(withKey, [])
    if (!parsed.ok) return { ok: false, intent, themeId: theme.id, errors: parsed.errors, values }
    await updateTheme(db, theme.id, parsed.value)
    await recordAudit(db, { userId, action: 'theme.update', subject: subject(theme.id), details: { consultation: consultation.slug, title: parsed.value.title } })
    return { ok: true, message: 'themes.updated' }
  }
  if (intent === 'links') {
    const page = await loadThemesPage(db, consultation, consultation.default_locale)
    const themeIds = new Set(themes.map((t) => t.id))
    const links = page.questions.flatMap((q) => q.options.flatMap((o) => form.getAll(`option-${o.id}`).filter((v): v is string => typeof v === 'string' && themeIds.has(v)).map((themeId) => ({ optionId: o.id, themeId }))))
    await replaceOptionThemeLinks(db, consultation.id, page.questions.flatMap((q) => q.options.map((o) => o.id)), links)
    await recordAudit(db, { userId, action: 'theme.option-links', subject: `consultation:${consultation.slug}`, details: { links: links.length } })
    return { ok: true, message: 'themes.linksSaved' }
  }
  throw new Response('Bad request', { status: 400 })
}
