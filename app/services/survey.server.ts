// Loads a consultation's survey as a participant (or planner) sees it, in their language.
import { createTextLookup, createTextResolver, langAttribute, type Register } from '~/domain/content'
import { assembleSurvey } from '~/domain/assemble-survey'
import type { Survey } from '~/domain/survey'
import { findConsultationBySlug, listConsultations, listOptions, listQuestions, listTexts } from '~/models/consultation.server'
import type { DB } from '~/utils/db.server'

export type Consultation = NonNullable<Awaited<ReturnType<typeof findConsultationBySlug>>>

/**
 * Assembled surveys, by consultation, version, language and register. Every saved page needs its
 * survey; building it reads every question, option and text, so it is kept. The key includes the
 * consultation's updated_at: whatever changes its questions, options or texts must bump that
 * column (the row is read on every request anyway, so all server processes see the change).
 */
const surveyCaches = new WeakMap<DB, Map<string, Promise<Survey>>>() // one per database
const SURVEY_CACHE_SIZE = 200

export function loadSurvey(db: DB, consultation: Consultation, locale: string, register: Register = 'plain'): Promise<Survey> {
  let surveyCache = surveyCaches.get(db)
  if (!surveyCache) surveyCaches.set(db, (surveyCache = new Map()))
  const key = `${consultation.id}|${consultation.updated_at}|${locale}|${register}`
  const cached = surveyCache.get(key)
  if (cached) return cached
  const loading = buildSurvey(db, consultation, locale, register)
  // A failed load is not kept: the next request tries again.
  loading.catch(() => surveyCache.delete(key))
  if (surveyCache.size >= SURVEY_CACHE_SIZE) surveyCache.delete(surveyCache.keys().next().value as string)
  surveyCache.set(key, loading)
  return loading
}

async function buildSurvey(db: DB, consultation: Consultation, locale: string, register: Register): Promise<Survey> {
  const [questions, options, texts] = await Promise.all([listQuestions(db, consultation.id), listOptions(db, consultation.id), listTexts(db, consultation.id)])
  const resolve = createTextResolver(texts, { locale, defaultLocale: consultation.default_locale, register })
  const survey = assembleSurvey(
    consultation.id,
    questions.map((q) => ({ id: q.id, key: q.key, position: q.position, type: q.type, required: q.required === 1, config: q.config, symbol: q.symbol, audio: q.audio })),
    options.map((o) => ({ id: o.id, questionId: o.question_id, key: o.key, position: o.position, symbol: o.symbol })),
    (entityType, entityId, field) => resolve(entityType, entityId, field)?.value ?? null,
  )
  return withFallbackLanguages(survey, consultation.id, resolve, locale)
}

/** Marks each text shown in the consultation's default language instead of the page's, so pages can give it a `lang`. */
function withFallbackLanguages(survey: Survey, consultationId: string, resolve: ReturnType<typeof createTextResolver>, locale: string): Survey {
  const lang = (entityType: string, entityId: string, field: string) => langAttribute(resolve(entityType, entityId, field), locale)
  const defined = <T extends Record<string, string | undefined>>(value: T): T | undefined => (Object.values(value).some(Boolean) ? value : undefined)
  const surveyLang = defined({ title: lang('consultation', consultationId, 'title'), description: lang('consultation', consultationId, 'description') })
  return {
    ...survey,
    ...(surveyLang ? { lang: surveyLang } : {}),
    questions: survey.questions.map((q) => {
      const questionLang = defined({ prompt: lang('question', q.id, 'prompt'), hint: lang('question', q.id, 'hint') })
      return {
        ...q,
        ...(questionLang ? { lang: questionLang } : {}),
        options: q.options.map((o) => {
          const optionLang = lang('option', o.id, 'label')
          return optionLang ? { ...o, lang: optionLang } : o
        }),
      }
    }),
  }
}

/** The consultation by its link, or a 404 the page can show kindly. */
export async function requireConsultation(db: DB, slug: string | undefined, { openOnly = true } = {}): Promise<Consultation> {
  const consultation = slug ? await findConsultationBySlug(db, slug) : undefined
  if (!consultation || (openOnly && consultation.status !== 'open')) throw new Response('Not found', { status: 404 })
  return consultation
}

/** Open consultations with their titles in the visitor's language. */
export async function listOpenConsultationTitles(db: DB, locale: string) {
  const consultations = await listConsultations(db, 'open')
  return Promise.all(
    consultations.map(async (c) => {
      const text = createTextLookup(await listTexts(db, c.id), { locale, defaultLocale: c.default_locale, register: 'plain' })
      return { slug: c.slug, title: text('consultation', c.id, 'title') ?? c.slug, description: text('consultation', c.id, 'description') }
    }),
  )
}
