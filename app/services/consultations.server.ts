// The consultation builder's settings: list, create, edit, duplicate, open and close. Every change is
// recorded in the audit log and bumps consultation.updated_at (surveys are cached by it).
import { randomUUID } from 'node:crypto'
import QRCode from 'qrcode'
import { z } from 'zod'
import { localeNames, supportedLocales } from '~/i18n/config'
import { anonymityModes, audienceBands, lawfulBases, RETENTION_DAYS_MAX } from '~/domain/survey-definition'
import {
  findConsultationBySlug,
  firstOrganisationId,
  insertConsultationRows,
  listConsultationTitles,
  listConsultations,
  listTexts,
  setConsultationStatus,
  updateConsultationSettings,
} from '~/models/consultation.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import { checkNewSlug, createFromDefinition, exportDefinition } from './survey-definition.server'
import type { Consultation } from './survey.server'

export { lawfulBases, anonymityModes, audienceBands }

/** Field → translation key of the problem (locales/<lang>/builder.json, errors.*). */
export type FieldErrors = Record<string, string>

const settingsSchema = z.object({
  title: z.string().trim().min(1, 'titleMissing').max(200, 'titleTooLong'),
  description: z.string().trim().max(2000, 'descriptionTooLong'),
  defaultLocale: z.enum(supportedLocales, { message: 'localeMissing' }),
  anonymity: z.enum(anonymityModes, { message: 'anonymityMissing' }),
  lawfulBasis: z.enum(lawfulBases, { message: 'lawfulBasisMissing' }),
  retentionDays: z.coerce.number({ message: 'retentionNumber' }).int('retentionNumber').min(1, 'retentionRange').max(RETENTION_DAYS_MAX, 'retentionRange'),
  audience: z.array(z.enum(audienceBands as [string, ...string[]], { message: 'audienceMissing' })).min(1, 'audienceMissing'),
  symbolModeDefault: z.boolean(),
})
export type ConsultationSettings = z.infer<typeof settingsSchema>

export interface SettingsValues {
  slug: string
  title: string
  description: string
  defaultLocale: string
  anonymity: string
  lawfulBasis: string
  retentionDays: string
  audience: string[]
  symbolModeDefault: boolean
}

function formValues(form: FormData): SettingsValues {
  const str = (name: string) => String(form.get(name) ?? '')
  return {
    slug: str('slug').trim().toLowerCase(),
    title: str('title'),
    description: str('description'),
    defaultLocale: str('defaultLocale'),
    anonymity: str('anonymity'),
    lawfulBasis: str('lawfulBasis'),
    retentionDays: str('retentionDays').trim(),
    audience: form.getAll('audience').map(String),
    symbolModeDefault: form.get('symbolModeDefault') === 'on',
  }
}

function parseSettings(values: SettingsValues): { ok: true; settings: ConsultationSettings } | { ok: false; errors: FieldErrors } {
  const parsed = settingsSchema.safeParse({ ...values, retentionDays: values.retentionDays === '' ? undefined : values.retentionDays })
  if (parsed.success) return { ok: true, settings: parsed.data }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    errors[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid'
  }
  return { ok: false, errors }
}

export const blankSettings: SettingsValues = {
  slug: '',
  title: '',
  description: '',
  defaultLocale: 'en',
  anonymity: 'anonymous',
  lawfulBasis: 'public_task',
  retentionDays: '730',
  audience: [],
  symbolModeDefault: false,
}

/** The list page: every consultation with its title (page language, else its own default language) and status. */
export async function consultationList(db: DB, locale: string) {
  const consultations = await listConsultations(db)
  const titles = await listConsultationTitles(
    db,
    consultations.map((c) => c.id)
  )
  return consultations.map((c) => {
    const own = titles.filter((t) => t.entity_id === c.id && t.register === 'plain')
    const title = own.find((t) => t.locale === locale) ?? own.find((t) => t.locale === c.default_locale) ?? own[0]
    return { slug: c.slug, status: c.status, title: title?.value ?? c.slug, titleLang: title && title.locale !== locale ? title.locale : undefined, updatedAt: c.updated_at }
  })
}

/** The settings form's values for an existing consultation (title and description in its default language). */
export async function settingsValues(db: DB, consultation: Consultation): Promise<SettingsValues> {
  const texts = await listTexts(db, consultation.id)
  const text = (field: string) =>
    texts.find((t) => t.entityType === 'consultation' && t.field === field && t.locale === consultation.default_locale && t.register === 'plain')?.value ?? ''
  let audience: string[] = []
  try {
    audience = JSON.parse(consultation.audience || '[]')
  } catch {
    audience = []
  }
  return {
    slug: consultation.slug,
    title: text('title'),
    description: text('description'),
    defaultLocale: consultation.default_locale,
    anonymity: consultation.anonymity,
    lawfulBasis: consultation.lawful_basis,
    retentionDays: String(consultation.retention_days),
    audience,
    symbolModeDefault: consultation.symbol_mode_default === 1,
  }
}

export type FormResult = { ok: true; slug: string } | { ok: false; errors: FieldErrors; values: SettingsValues }

export async function createConsultation(db: DB, form: FormData, { organisationId, userId }: { organisationId: string; userId: string | null }): Promise<FormResult> {
  const values = formValues(form)
  const parsed = parseSettings(values)
  const slugProblems = await checkNewSlug(db, values.slug)
  const errors: FieldErrors = { ...(slugProblems.length ? { slug: slugProblems[0] } : {}), ...(parsed.ok ? {} : parsed.errors) }
  if (!parsed.ok || slugProblems.length) return { ok: false, errors, values }
  const s = parsed.settings
  const now = new Date().toISOString()
  const id = randomUUID()
  await insertConsultationRows(db, {
    consultation: {
      id,
      organisation_id: organisationId,
      slug: values.slug,
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
    themes: [],
    questions: [],
    options: [],
    optionThemes: [],
    translations: [
      { entity_type: 'consultation', entity_id: id, field: 'title', locale: s.defaultLocale, register: 'plain', value: s.title },
      ...(s.description
        ? [{ entity_type: 'consultation' as const, entity_id: id, field: 'description', locale: s.defaultLocale, register: 'plain' as const, value: s.description }]
        : []),
    ],
  })
  await recordAudit(db, { userId, action: 'consultation.create', subject: `consultation:${values.slug}`, details: { status: 'draft' } })
  return { ok: true, slug: values.slug }
}

export async function updateSettings(db: DB, consultation: Consultation, form: FormData, userId: string | null): Promise<FormResult> {
  const values = { ...formValues(form), slug: consultation.slug }
  const parsed = parseSettings(values)
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values }
  const s = parsed.settings
  const before = await settingsValues(db, consultation)
  await updateConsultationSettings(
    db,
    consultation.id,
    {
      default_locale: s.defaultLocale,
      anonymity: s.anonymity,
      lawful_basis: s.lawfulBasis,
      retention_days: s.retentionDays,
      symbol_mode_default: s.symbolModeDefault ? 1 : 0,
      audience: JSON.stringify(s.audience),
    },
    { locale: s.defaultLocale, title: s.title, description: s.description || null },
    nextUpdatedAt(consultation.updated_at)
  )
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort().join(',') : String(v))
  const fields = (Object.keys(s) as Array<keyof ConsultationSettings>).filter((k) => norm(s[k]) !== norm(before[k]))
  await recordAudit(db, { userId, action: 'consultation.update', subject: `consultation:${consultation.slug}`, details: { fields } })
  return { ok: true, slug: consultation.slug }
}

export type DuplicateResult = { ok: true; slug: string } | { ok: false; errors: FieldErrors; values: { slug: string } }

/** A copy of everything but the responses, as a new draft with a new web address. */
export async function duplicateConsultation(db: DB, consultation: Consultation, form: FormData, userId: string | null): Promise<DuplicateResult> {
  const slug = String(form.get('slug') ?? '')
    .trim()
    .toLowerCase()
  const problems = await checkNewSlug(db, slug)
  if (problems.length) return { ok: false, errors: { 'duplicate-slug': problems[0] }, values: { slug } }
  const definition = await exportDefinition(db, consultation)
  await createFromDefinition(db, definition, { organisationId: consultation.organisation_id, slug, userId, action: 'consultation.duplicate', details: { from: consultation.slug } })
  return { ok: true, slug }
}

/** Opens (draft or closed → open) or closes (open → closed) a consultation. */
export async function changeStatus(db: DB, consultation: Consultation, to: 'open' | 'closed', userId: string | null): Promise<boolean> {
  const allowed = to === 'open' ? consultation.status !== 'open' : consultation.status === 'open'
  if (!allowed) return false
  await setConsultationStatus(db, consultation.id, to, nextUpdatedAt(consultation.updated_at))
  await recordAudit(db, {
    userId,
    action: to === 'open' ? 'consultation.open' : 'consultation.close',
    subject: `consultation:${consultation.slug}`,
    details: { from: consultation.status },
  })
  return true
}

/** Now, or a millisecond after the previous value: a change always gives a new cache key. */
export function nextUpdatedAt(previous: string, now = new Date()): string {
  const last = Date.parse(previous)
  return new Date(Number.isFinite(last) && last >= now.getTime() ? last + 1 : now.getTime()).toISOString()
}

export async function requireConsultation(db: DB, slug: string | undefined): Promise<Consultation> {
  const consultation = slug ? await findConsultationBySlug(db, slug) : undefined
  if (!consultation) throw new Response('Not found', { status: 404 })
  return consultation
}

/** New consultations belong to the site's first organisation (one per deployment today). */
export async function defaultOrganisation(db: DB): Promise<string> {
  const id = await firstOrganisationId(db)
  if (!id) throw new Response('No organisation', { status: 500 })
  return id
}

/** What the settings form offers. */
export function settingsChoices() {
  return { locales: supportedLocales.map((code) => ({ code, name: localeNames[code] })), lawfulBases, anonymityModes, audienceBands }
}

/** The participant's join link for a consultation, on the site the request came to. */
export function joinUrl(request: Request, slug: string): string {
  return `${new URL(request.url).origin}/c/${encodeURIComponent(slug)}`
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** A QR code of `url` as SVG, with role="img", an accessible name (aria-label and <title>) and a quiet zone. */
export async function qrSvg(url: string, name: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } })
  const label = escapeXml(name)
  return svg.replace(/<svg\b([^>]*)>/, `<svg$1 role="img" aria-label="${label}" focusable="false"><title>${label}</title>`)
}

/** The request's form, or a 400 answer when the body is not a form (wrong type, broken multipart). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('The form could not be read.', { status: 400 })
  }
}
