// A Children and Young People's Plan as data: read from a JSON file (our own versioned format, or
// one of the shapes councils' plans already come in) or from an outline typed into the app, and
// turned into one shape: top-level items (outcomes, outcome areas or priorities) with the
// priorities under them. Every problem is reported with the path of the value that caused it,
// e.g. `outcomes[2].priorities[0].title`, so a planner can find it in their file.
import { z } from 'zod'

export const PLAN_FORMAT_VERSION = 1
/** Bigger than any real plan by far; refused before parsing. */
export const PLAN_FILE_MAX_CHARACTERS = 200_000

export type PlanItemKind = 'outcome' | 'priority' | 'area' | 'cross-cutting'

export interface PlanMeasure {
  measure: string
  target: string | null
}

export interface ImportedPlanItem {
  code: string
  title: string
  kind: PlanItemKind
  measures: PlanMeasure[]
  children: Array<{ code: string; title: string; kind: PlanItemKind }>
}

export interface ImportedPlan {
  /** Which shape the file had: 'v1', 'framework', 'priorities' or 'areas' (or 'outline' when typed in). */
  format: string
  title: string
  period: string | null
  source: string | null
  items: ImportedPlanItem[]
}

export interface PlanImportProblem {
  /** Where in the file, e.g. `priorities[1].sub[0]`; empty for the file as a whole. */
  path: string
  message: string
}

export type PlanImportResult = { ok: true; plan: ImportedPlan } | { ok: false; errors: PlanImportProblem[] }

const text = (max: number) => z.string({ required_error: 'is missing', invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
const code = z.string({ invalid_type_error: 'must be text' }).trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, 'must be 1 to 20 letters, numbers, dots, dashes or underscores, starting with a letter or number')
const list = <T extends z.ZodTypeAny>(item: T, what: string, max = 100) =>
  z.array(item, { required_error: 'is missing', invalid_type_error: `must be a list of ${what}` }).max(max, `must have at most ${max} ${what}`)
const measure = z.object({ measure: text(500), target: text(200).optional() }, { invalid_type_error: 'must be an object with "measure" (and "target")' })

/** Our own format, version 1. New versions get a new schema; old files keep loading. */
export const planFileV1 = z
  .object({
    version: z.literal(PLAN_FORMAT_VERSION),
    title: text(300),
    period: text(100).optional(),
    source: text(300).optional(),
    outcomes: list(
      z.object(
        {
          code: code.optional(),
          title: text(300),
          kind: z.enum(['outcome', 'area', 'priority']).optional(),
          priorities: list(z.object({ code: code.optional(), title: text(300) }, { invalid_type_error: 'must be an object with a "title"' }), 'priorities').optional(),
          measures: list(measure, 'measures').optional(),
        },
        { invalid_type_error: 'must be an object with a "title"' },
      ),
      'outcomes',
    ).min(1, 'must have at least one outcome'),
    crossCutting: list(text(300), 'items').optional(),
  })
  .strict()

/** An outcome frame such as Every Child Matters: `{ framework, outcomes: [{ code, title }] }`. */
const frameworkFile = z.object({
  framework: text(500),
  outcomes: list(z.object({ code, title: text(300) }, { invalid_type_error: 'must be an object with "code" and "title"' }), 'outcomes').min(1, 'must have at least one outcome'),
})

/** A plan of priorities with sub-priorities (Southwark 2010-13): `{ plan, priorities: [{ code, title, sub: [..] }] }`. */
const prioritiesFile = z.object({
  plan: text(300),
  priorities: list(
    z.object({ code: code.optional(), title: text(300), sub: list(text(300), 'sub-priorities').optional() }, { invalid_type_error: 'must be an object with a "title"' }),
    'priorities',
  ).min(1, 'must have at least one priority'),
})

/** A plan of outcome areas with outcomes and measures (Central Bedfordshire 2015-17): `{ plan, areas: [{ title, outcomes, measures }] }`. */
const areasFile = z.object({
  plan: text(300),
  cross_cutting: list(text(300), 'items').optional(),
  areas: list(
    z.object({ title: text(300), outcomes: list(text(300), 'outcomes'), measures: list(measure, 'measures').optional() }, { invalid_type_error: 'must be an object with "title" and "outcomes"' }),
    'areas',
  ).min(1, 'must have at least one area'),
})

/** Reads a plan file's text. */
export function parsePlanJson(source: string): PlanImportResult {
  if (source.length > PLAN_FILE_MAX_CHARACTERS) return fail('', `is too big: at most ${PLAN_FILE_MAX_CHARACTERS.toLocaleString('en-GB')} characters`)
  if (!source.trim()) return fail('', 'is empty')
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    return fail('', `is not valid JSON: ${(error as Error).message}`)
  }
  return parsePlanData(value)
}

/** Checks parsed JSON and turns any known shape into an ImportedPlan. */
export function parsePlanData(value: unknown): PlanImportResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('', 'must be a JSON object')
  const record = value as Record<string, unknown>
  if ('version' in record) {
    if (record.version !== PLAN_FORMAT_VERSION) return fail('version', `must be ${PLAN_FORMAT_VERSION}: this app reads plan format version ${PLAN_FORMAT_VERSION}`)
    return checked(planFileV1, value, fromV1)
  }
  if ('framework' in record) return checked(frameworkFile, value, fromFramework)
  if ('priorities' in record) return checked(prioritiesFile, value, fromPriorities)
  if ('areas' in record) return checked(areasFile, value, fromAreas)
  return fail('', `is not a plan: expected "version": ${PLAN_FORMAT_VERSION} with "outcomes", or "framework" with "outcomes", or "plan" with "priorities" or "areas"`)
}

/**
 * A plan typed into the app: one item per line; a line starting with "-" (or indented) is a
 * priority under the item above it. "CODE: Title" sets a code.
 */
export function parsePlanOutline(input: { title: string; period?: string; outline: string }): PlanImportResult {
  const errors: PlanImportProblem[] = []
  const title = input.title.trim()
  if (!title) errors.push({ path: 'title', message: 'must not be empty' })
  const items: Array<{ code?: string; title: string; priorities: Array<{ code?: string; title: string }> }> = []
  input.outline.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return
    const child = /^\s+|^\s*[-*•]/.test(raw)
    const line = raw.replace(/^\s*[-*•]?\s*/, '')
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]{0,19}):\s+(.+)$/.exec(line)
    const entry = match ? { code: match[1], title: match[2].trim() } : { title: line.trim() }
    if (!child) items.push({ ...entry, priorities: [] })
    else if (items.length === 0) errors.push({ path: `outline line ${index + 1}`, message: 'is a priority with no outcome above it' })
    else items[items.length - 1].priorities.push(entry)
  })
  if (items.length === 0 && !errors.some((e) => e.path.startsWith('outline'))) errors.push({ path: 'outline', message: 'must have at least one outcome' })
  if (errors.length) return { ok: false, errors }
  const result = parsePlanData({ version: PLAN_FORMAT_VERSION, title, ...(input.period?.trim() ? { period: input.period.trim() } : {}), outcomes: items })
  return result.ok ? { ok: true, plan: { ...result.plan, format: 'outline' } } : result
}

/** `["priorities", 2, "sub", 1]` → `priorities[2].sub[1]` */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '')
}

function checked<S extends z.ZodTypeAny>(schema: S, value: unknown, convert: (data: z.infer<S>) => ImportedPlan): PlanImportResult {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.code === 'unrecognized_keys' ? `has ${issue.keys.map((k) => `"${k}"`).join(', ')}, which this format does not have` : issue.message,
      })),
    }
  }
  const plan = convert(parsed.data)
  const duplicates = duplicateCodes(plan)
  return duplicates.length ? { ok: false, errors: duplicates } : { ok: true, plan }
}

function fromV1(data: z.infer<typeof planFileV1>): ImportedPlan {
  const items: ImportedPlanItem[] = data.outcomes.map((o, i) => {
    const itemCode = o.code ?? String(i + 1)
    return {
      code: itemCode,
      title: o.title,
      kind: o.kind ?? 'outcome',
      measures: (o.measures ?? []).map((m) => ({ measure: m.measure, target: m.target ?? null })),
      children: (o.priorities ?? []).map((p, j) => ({ code: p.code ?? `${itemCode}.${j + 1}`, title: p.title, kind: 'priority' as const })),
    }
  })
  return { format: 'v1', title: data.title, period: data.period ?? periodIn(data.title), source: data.source ?? null, items: [...items, ...crossCutting(data.crossCutting)] }
}

function fromFramework(data: z.infer<typeof frameworkFile>): ImportedPlan {
  const [title, ...rest] = data.framework.split(';')
  return {
    format: 'framework',
    title: title.trim(),
    period: periodIn(data.framework),
    source: rest.join(';').trim() || null,
    items: data.outcomes.map((o) => ({ code: o.code, title: o.title, kind: 'outcome', measures: [], children: [] })),
  }
}

function fromPriorities(data: z.infer<typeof prioritiesFile>): ImportedPlan {
  return {
    format: 'priorities',
    title: data.plan,
    period: periodIn(data.plan),
    source: null,
    items: data.priorities.map((p, i) => {
      const itemCode = p.code ?? String(i + 1)
      return { code: itemCode, title: p.title, kind: 'priority', measures: [], children: (p.sub ?? []).map((title, j) => ({ code: `${itemCode}.${j + 1}`, title, kind: 'priority' as const })) }
    }),
  }
}

function fromAreas(data: z.infer<typeof areasFile>): ImportedPlan {
  return {
    format: 'areas',
    title: data.plan,
    period: periodIn(data.plan),
    source: null,
    items: [
      ...data.areas.map((a, i) => ({
        code: `A${i + 1}`,
        title: a.title,
        kind: 'area' as const,
        measures: (a.measures ?? []).map((m) => ({ measure: m.measure, target: m.target ?? null })),
        children: a.outcomes.map((title, j) => ({ code: `A${i + 1}.${j + 1}`, title, kind: 'outcome' as const })),
      })),
      ...crossCutting(data.cross_cutting),
    ],
  }
}

function crossCutting(titles: string[] | undefined): ImportedPlanItem[] {
  return (titles ?? []).map((title, i) => ({ code: `X${i + 1}`, title, kind: 'cross-cutting', measures: [], children: [] }))
}

/** "… Plan 2010-2013 (draft)" → "2010-2013"; "March 2015 - March 2017" → "March 2015 - March 2017". */
export function periodIn(title: string): string | null {
  const month = '(?:(?:January|February|March|April|May|June|July|August|September|October|November|December) )?'
  const match = new RegExp(`(${month}(?:19|20)\\d{2})\\s*(-|–|to)\\s*(${month}(?:(?:19|20)\\d{2}|\\d{2}))\\b`).exec(title)
  if (!match) return null
  return match[2] === '-' && !match[1].includes(' ') ? `${match[1]}-${match[3]}` : `${match[1]} ${match[2]} ${match[3]}`
}

function duplicateCodes(plan: ImportedPlan): PlanImportProblem[] {
  const seen = new Set<string>()
  const problems: PlanImportProblem[] = []
  const check = (itemCode: string, where: string) => {
    if (seen.has(itemCode.toLowerCase())) problems.push({ path: where, message: `repeats the code "${itemCode}": every code in a plan must be different` })
    seen.add(itemCode.toLowerCase())
  }
  plan.items.forEach((item, i) => {
    check(item.code, `outcomes[${i}].code`)
    item.children.forEach((child, j) => check(child.code, `outcomes[${i}].priorities[${j}].code`))
  })
  return problems
}

function fail(path: string, message: string): PlanImportResult {
  return { ok: false, errors: [{ path, message }] }
}
