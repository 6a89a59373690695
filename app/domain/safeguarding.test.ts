import { describe, expect, it } from 'vitest'
import {
  checkPhrase,
  compareFlags,
  compileScreen,
  defaultPhrases,
  normaliseForScreening,
  parseCategories,
  safeguardingCategories,
  type SafeguardingPhrase,
  screenText,
} from './safeguarding'

const screen = compileScreen(defaultPhrases)
const categoriesOf = (text: string) => screenText(text, screen)?.categories ?? []

describe('default lists', () => {
  it('cover every category in English, Welsh and Arabic, a few dozen phrases each', () => {
    for (const locale of ['en', 'cy', 'ar'] as const) {
      const mine = defaultPhrases.filter((p) => p.locale === locale)
      expect(mine.length, locale).toBeGreaterThanOrEqual(30)
      for (const category of safeguardingCategories) expect(mine.some((p) => p.category === category), `${locale} ${category}`).toBe(true)
    }
  })

  it('all compile (no phrase is skipped as unusable)', () => {
    expect(screen.phrases).toHaveLength(new Set(defaultPhrases.map((p) => `${p.locale}|${p.category}|${normaliseForScreening(p.phrase)}`)).size)
  })
})

describe('screening English', () => {
  it.each([
    ['My dad hits me when he is angry', ['harm']],
    ['sometimes I think about killing myself', ['suicide']],
    ['I want to die', ['suicide']],
    ["I don't want to live any more", ['suicide']],
    ['I dont want to live', ['suicide']],
    ['I have been self-harming', ['self-harm']],
    ['i cut myself', ['self-harm']],
    ['I get bullied every day at school', ['bullying']],
    ['there is never any food, nothing to eat at home', ['neglect']],
    ['I want to run away from home', ['running-away']],
    ['he touches me where I do not like it and says it is our secret', ['abuse']],
  ])('%s → %j', (text, expected) => {
    expect(categoriesOf(text)).toEqual(expected)
  })

  it('is case, accent, repeated-letter and spacing tolerant', () => {
    for (const text of ['I WANT TO DIE', 'i wаnt to díe', 'i want to diiiiie', 'k i l l   m y s e l f', 'k.i.l.l myself', 'killmyself', 'self harm', 'SELF-HARM', 'selfharm', 'k1ll mys3lf']) {
      expect(categoriesOf(text).length, text).toBeGreaterThan(0)
    }
  })

  it('reports several categories, and the list phrases (not the text)', () => {
    const match = screenText('They bully me and my stepdad hits me. I want to run away.', screen)
    expect(match?.categories).toEqual(['harm', 'bullying', 'running-away'])
    expect(match?.phrases.map((p) => p.phrase)).toEqual(expect.arrayContaining(['hit* me', 'bully me', 'want to run away']))
    expect(JSON.stringify(match)).not.toContain('stepdad')
  })

  it.each([
    'We are killing it at football this year',
    'I was killing time in the park',
    'I was killing myself laughing at the film',
    'There should be less bullying in schools',
    'More help for children in care and less drug abuse',
    'Knife crime makes the town feel unsafe',
    'Hit me up if you need more ideas',
    'A white meat sandwich for lunch',
    'I hurt myself playing rugby',
    'The skill myself and others need is coding',
    'Fields of rapeseed near the school',
    'herself harmed nobody',
    'I like playing with my friends',
    '',
  ])('does not flag: %s', (text) => {
    expect(screenText(text, screen)).toBeNull()
  })
})

describe('screening Welsh', () => {
  it.each([
    ["Dw i eisiau marw", ['suicide']],
    ["Mae fy nhad yn fy nharo i", ['harm']],
    ["Mae nhw'n fy mwlio i yn yr ysgol", ['bullying']],
    ['Dw i wedi bod yn hunan-niweidio', ['self-harm']],
    ["Does neb yn edrych ar fy ôl", ['neglect']],
    ["Dw i eisiau rhedeg i ffwrdd", ['running-away']],
    ['Dw i ddim isio byw', ['suicide']],
  ])('%s → %j', (text, expected) => {
    expect(categoriesOf(text)).toEqual(expected)
  })

  it('finds mutated forms and ignores circumflexes', () => {
    // curo → nghuro (nasal), lladd → ladd (soft), ŷ/ô as y/o
    expect(categoriesOf('maen nhw yn fy nghuro')).toEqual(['harm'])
    expect(categoriesOf("Dw i'n meddwl am ladd fy hun")).toEqual(['suicide'])
    expect(categoriesOf('Does dim bwyd yn y ty')).toEqual(['neglect'])
  })

  it.each(["Roedd y ffilm mor ddoniol, bron i mi farw o chwerthin", 'Mwy o lefydd diogel i chwarae', 'Llai o fwlio mewn ysgolion'])('does not flag: %s', (text) => {
    expect(screenText(text, screen)).toBeNull()
  })
})

describe('screening Arabic', () => {
  it.each([
    ['أبي يضربني كل يوم', ['harm']],
    ['أريد أن أموت', ['suicide']],
    ['اريد ان اموت', ['suicide']],
    ['أُرِيدُ أَنْ أَمُوتَ', ['suicide']],
    ['والولاد يتنمرون علي في المدرسة', ['bullying']],
    ['بدي أهرب من البيت', ['running-away']],
    ['وأبي بيضربني', ['harm']],
  ])('%s → %j', (text, expected) => {
    expect(categoriesOf(text)).toEqual(expected)
  })

  it.each(['نريد حدائق أكثر للعب', 'المدرسة جميلة'])('does not flag: %s', (text) => {
    expect(screenText(text, screen)).toBeNull()
  })
})

describe('added phrases', () => {
  it('are merged with the defaults and checked for every answer', () => {
    const extra: SafeguardingPhrase[] = [{ locale: 'en', category: 'harm', phrase: 'makes me sleep in the shed' }]
    expect(screenText('My uncle makes me sleep in the shed', screen)).toBeNull()
    const merged = compileScreen([...defaultPhrases, ...extra])
    expect(screenText('My uncle makes me sleeeep in the shed', merged)).toEqual({ categories: ['harm'], phrases: extra })
  })

  it('are refused when empty, too long or too short to be safe', () => {
    expect(checkPhrase('   ')).toEqual({ ok: false, reason: 'empty' })
    expect(checkPhrase('a*')).toEqual({ ok: false, reason: 'tooShort' })
    expect(checkPhrase('one two three four five six seven eight nine')).toEqual({ ok: false, reason: 'tooLong' })
    expect(checkPhrase('  locked   in  the shed ')).toEqual({ ok: true, phrase: 'locked in the shed' })
  })
})

describe('flags', () => {
  it('sort new first, then newest first', () => {
    const flags = [
      { id: 1, status: 'reviewed' as const, createdAt: '2026-01-03' },
      { id: 2, status: 'new' as const, createdAt: '2026-01-01' },
      { id: 3, status: 'new' as const, createdAt: '2026-01-02' },
      { id: 4, status: 'no_action_needed' as const, createdAt: '2026-01-04' },
    ]
    expect([...flags].sort(compareFlags).map((f) => f.id)).toEqual([3, 2, 1, 4])
  })

  it('keep only known categories', () => {
    expect(parseCategories('["suicide","nonsense","harm"]')).toEqual(['harm', 'suicide'])
    expect(parseCategories('not json')).toEqual([])
  })
})
