import { describe, expect, it } from 'vitest'
import { isIsoDate, parseActionForm, parseThemeForm } from './actions'

function form(fields: Record<string, string | string[]>) {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v)
  return data
}

const good = {
  decision: 'Open two youth clubs on Friday nights',
  decidedBy: 'Youth services board',
  status: 'planned',
  reason: '',
  decidedOn: '2027-01-15',
  symbol: 'openmoji:26BD',
  themes: ['theme-play', 'theme-unknown'],
  'summary-en-plain': 'We will open two youth clubs on Friday nights.',
  'summary-en-easy': 'New youth clubs on Fridays.',
  'summary-cy-plain': 'Byddwn ni’n agor dau glwb ieuenctid ar nos Wener.',
}

describe('parseActionForm', () => {
  it('reads a good form, keeping only known themes and the summaries given', () => {
    const result = parseActionForm(form(good), ['theme-play', 'theme-safety'])
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.value).toMatchObject({ status: 'planned', reason: null, symbol: 'openmoji:26BD', themeIds: ['theme-play'] })
    expect(result.value.summaries.map((s) => `${s.locale}-${s.register}`)).toEqual(['en-plain', 'en-easy', 'cy-plain'])
  })

  it('needs a reason when the decision is not to do it', () => {
    const result = parseActionForm(form({ ...good, status: 'not_doing' }), ['theme-play'])
    expect(result.ok ? [] : result.errors).toEqual([{ field: 'reason', message: 'errors.reasonRequired' }])
    expect(parseActionForm(form({ ...good, status: 'not_doing', reason: 'No money this year' }), ['theme-play']).ok).toBe(true)
  })

  it('names each bad field once', () => {
    const result = parseActionForm(form({ ...good, decision: ' ', status: 'maybe', decidedOn: '2027-02-30', symbol: 'nonsense', themes: [], 'summary-en-plain': '' }), ['theme-play'])
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'decision', message: 'errors.decisionRequired' },
      { field: 'status', message: 'errors.statusRequired' },
      { field: 'decidedOn', message: 'errors.dateInvalid' },
      { field: 'symbol', message: 'errors.symbolInvalid' },
      { field: 'themeIds', message: 'errors.themesRequired' },
      { field: 'summary-en-plain', message: 'errors.summaryRequired' },
    ])
  })

  it('isIsoDate knows real dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('15/01/2027')).toBe(false)
  })
})

describe('parseThemeForm', () => {
  it('reads a key and title, lower-casing the key, with optional child-friendly titles', () => {
    const result = parseThemeForm(form({ key: 'Bullying', title: 'Bullying', 'title-cy-plain': 'Bwlio' }), ['safety'])
    expect(result).toEqual({ ok: true, value: { key: 'bullying', title: 'Bullying', titles: [{ locale: 'cy', register: 'plain', value: 'Bwlio' }] } })
  })

  it('refuses a bad or taken key and an empty title', () => {
    expect(parseThemeForm(form({ key: 'no spaces', title: '' }), [])).toEqual({ ok: false, errors: [{ field: 'key', message: 'errors.themeKeyInvalid' }, { field: 'title', message: 'errors.themeTitleRequired' }] })
    expect(parseThemeForm(form({ key: 'safety', title: 'Safety' }), ['safety'])).toEqual({ ok: false, errors: [{ field: 'key', message: 'errors.themeKeyTaken' }] })
  })
})
