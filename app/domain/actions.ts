// "You said, we did": what a planner records about the themes children raised, and the forms for
// themes and actions. Validated with zod; every error names its form field, so the page can show
// it beside the field and in the error summary.
import { z } from 'zod'
import { parseSymbolReference } from './symbol-reference'

export const actionStatuses = ['planned', 'in_progress', 'done', 'not_doing'] as const
export type ActionStatus = (typeof actionStatuses)[number]

/** Child-friendly summaries are kept per language and register; these are the form fields. */
export const summaryLocales = ['en', 'cy', 'ar'] as const
export type SummaryLocale = (typeof summaryLocales)[number]
export const summaryField = (locale: string, register: 'plain' | 'easy') => `summary-${locale}-${register}`

export interface FormProblem {
  field: string
  /** A key in the 'findings' namespace, e.g. errors.reasonRequired */
  message: string
}

export interface ActionInput {
  decision: string
  decidedBy: string
  status: ActionStatus
  reason: string | null
  decidedOn: string
  symbol: string | null
  themeIds: string[]
  /** `${locale}|${register}` → text; only what was filled in */
  summaries: Array<{ locale: SummaryLocale; register: 'plain' | 'easy'; value: string }>
}

const requiredText = (max: number, missing: string) => z.string().trim().min(1, missing).max(max, 'errors.tooLong')
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.tooLong')
    .transform((value) => value || null)

/** A real calendar date, YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

const actionSchema = z
  .object({
    decision: requiredText(2000, 'errors.decisionRequired'),
    decidedBy: requiredText(200, 'errors.decidedByRequired'),
    status: z.enum(actionStatuses, { errorMap: () => ({ message: 'errors.statusRequired' }) }),
    reason: optionalText(1000),
    decidedOn: z.string().trim().refine(isIsoDate, 'errors.dateInvalid'),
    symbol: optionalText(100).refine((value) => value === null || parseSymbolReference(value) !== null, 'errors.symbolInvalid'),
    themeIds: z.array(z.string().min(1)).min(1, 'errors.themesRequired'),
    [summaryField('en', 'plain')]: requiredText(600, 'errors.summaryRequired'),
    ...Object.fromEntries(
      summaryLocales.flatMap((locale) => (['plain', 'easy'] as const).filter((r) => !(locale === 'en' && r === 'plain')).map((r) => [summaryField(locale, r), optionalText(600)])),
    ),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'not_doing' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'errors.reasonRequired' })
  })

/** Reads the action form. `themeIds` are checked against the consultation's themes by the caller. */
export function parseActionForm(form: FormData, knownThemeIds: readonly string[]): { ok: true; value: ActionInput } | { ok: false; errors: FormProblem[] } {
  const get = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const raw: Record<string, unknown> = {
    decision: get('decision'),
    decidedBy: get('decidedBy'),
    status: get('status'),
    reason: get('reason'),
    decidedOn: get('decidedOn'),
    symbol: get('symbol'),
    themeIds: form.getAll('themes').filter((v): v is string => typeof v === 'string' && knownThemeIds.includes(v)),
  }
  for (const locale of summaryLocales) for (const register of ['plain', 'easy'] as const) raw[summaryField(locale, register)] = get(summaryField(locale, register))
  const parsed = actionSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: problems(parsed.error) }
  const data = parsed.data as unknown as Omit<ActionInput, 'summaries'> & Record<string, unknown>
  return {
    ok: true,
    value: {
      decision: data.decision,
      decidedBy: data.decidedBy,
      status: data.status,
      reason: data.reason,
      decidedOn: data.decidedOn,
      symbol: data.symbol,
      themeIds: data.themeIds,
      summaries: summaryLocales.flatMap((locale) =>
        (['plain', 'easy'] as const).flatMap((register) => {
          const value = data[summaryField(locale, register)]
          return typeof value === 'string' && value ? [{ locale, register, value }] : []
        }),
      ),
    },
  }
}

export interface ThemeInput {
  key: string
  title: string
  /** Child-friendly titles shown on the public page, per language */
  titles: Array<{ locale: SummaryLocale; register: 'plain' | 'easy'; value: string }>
}

export const themeTitleField = (locale: string, register: 'plain' | 'easy') => `title-${locale}-${register}`

const themeSchema = z.object({
  key: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'errors.themeKeyInvalid'),
  title: requiredText(200, 'errors.themeTitleRequired'),
})

/** Reads the theme form (a new theme, or a change to one). */
export function parseThemeForm(form: FormData, takenKeys: readonly string[]): { ok: true; value: ThemeInput } | { ok: false; errors: FormProblem[] } {
  const get = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : ''
  }
  const parsed = themeSchema.safeParse({ key: get('key'), title: get('title') })
  if (!parsed.success) return { ok: false, errors: problems(parsed.error) }
  if (takenKeys.includes(parsed.data.key)) return { ok: false, errors: [{ field: 'key', message: 'errors.themeKeyTaken' }] }
  const titles = summaryLocales.flatMap((locale) =>
    (['plain', 'easy'] as const).flatMap((register) => {
      const value = get(themeTitleField(locale, register)).trim().slice(0, 200)
      return value ? [{ locale, register, value }] : []
    }),
  )
  return { ok: true, value: { ...parsed.data, titles } }
}

function problems(error: z.ZodError): FormProblem[] {
  const seen = new Set<string>()
  return error.issues.flatMap((issue) => {
    const field = String(issue.path[0] ?? 'form')
    if (seen.has(field)) return []
    seen.add(field)
    return [{ field, message: issue.message.startsWith('errors.') ? issue.message : 'errors.invalid' }]
  })
}
