// Safeguarding screening of free text: does an answer look like a child telling us they are being hurt,
// neglected, bullied, thinking of hurting themselves or of running away? Pure: text and phrase lists in,
// the categories and list phrases that matched out (never a copy of the text).
//
// How matching works (and the trade-offs, on purpose towards "flag it": a person reads every flag,
// and a missed disclosure costs far more than a false alarm the safeguarding lead closes in a minute):
// - Text and phrases are normalised the same way: lower case, accents and Arabic vowel marks removed
//   (so "ŵ" = "w", "أ" = "ا"), Arabic letter variants folded (ى→ي, ة→ه, tatweel dropped), apostrophes
//   dropped ("don't" = "dont"), simple look-alike digits and Cyrillic letters read as Latin ("k1ll" = "kill").
//   Folding ى into ي also makes على ("on") look like عليّ ("on me"): a few Arabic phrases flag more often.
// - A phrase matches whole words only: "hit me" does not match "white meat", "self harm" not "herself harmed".
// - Repeated letters are tolerated ("kiiiill myseeelf"), and so is one spacing character between the letters
//   of a word ("k i l l", "s.u.i.c.i.d.e"), and words run together or joined by hyphens ("killmyself",
//   "self-harm"). A determined writer can still get round any list; this catches the common tricks.
// - A trailing * in a phrase matches any ending: "hit* me" = "hit me", "hits me", "hitting me".
// - Welsh: the first letter of each word may be mutated (c→g/ngh/ch, p→b/mh/ph, t→d/nh/th, g→ –/ng,
//   b→f/m, d→dd/n, m→f, ll→l, rh→r), so "curo" also finds "guro", "nghuro" and "churo".
// - Arabic: a word may carry the prefix و (and) or ف (so), and the Levantine/Egyptian ب before a verb.
// - Every list is checked against every answer, whatever language the page was in: children mix languages.
// - Known false positives are removed first ("killing it", "killing time", "drug abuse", "hit me up"…): their
//   words are blanked before the phrases are checked. Idioms that can also be real ("my mum will kill me")
//   are not listed at all, and topic words alone ("bullying", "abuse", "knife crime") are not listed either,
//   because a consultation about safety is full of them; a disclosure is about *me*. So some real
//   disclosures written only as topic words will be missed, and some figures of speech will be flagged.
// - Negation is not understood: "I have never been bullied" is flagged. A person decides.

export const safeguardingCategories = ['harm', 'abuse', 'neglect', 'self-harm', 'suicide', 'bullying', 'running-away'] as const
export type SafeguardingCategory = (typeof safeguardingCategories)[number]

export const phraseLocales = ['en', 'cy', 'ar'] as const
export type PhraseLocale = (typeof phraseLocales)[number]

export interface SafeguardingPhrase {
  locale: PhraseLocale
  category: SafeguardingCategory
  phrase: string
}

export interface SafeguardingMatch {
  categories: SafeguardingCategory[]
  /** The list phrases that matched (as written in the list), never the participant's words. */
  phrases: SafeguardingPhrase[]
}

export function isSafeguardingCategory(value: unknown): value is SafeguardingCategory {
  return typeof value === 'string' && (safeguardingCategories as readonly string[]).includes(value)
}

export function isPhraseLocale(value: unknown): value is PhraseLocale {
  return typeof value === 'string' && (phraseLocales as readonly string[]).includes(value)
}

type Lists = Record<SafeguardingCategory, string[]>

/** English. Disclosures are mostly about "me"; topic words alone are left out (see above). */
const english: Lists = {
  harm: [
    'hit* me', 'kick* me', 'punch* me', 'slap* me', 'beat* me up', 'beaten up', 'hurt* me', 'chok* me', 'strangl*', 'burn* me', 'lock* me in',
    'threaten* to hurt', 'threaten* to kill', 'scared to go home', 'afraid to go home', 'not safe at home', 'unsafe at home', 'scared of my dad',
    'scared of my mum', 'scared of my step*', 'throw* things at me',
  ],
  abuse: [
    'abused', 'abusing me', 'abuses me', 'abusive', 'touch* me where', 'touch* me in', 'touch* my private*', 'private parts', 'made me touch', 'rape*',
    'molest*', 'groom* me', 'groomed', 'nudes', 'naked pictures', 'naked photos', 'keep it a secret', 'our secret', 'sexual* abus*',
  ],
  neglect: [
    'no food at home', 'nothing to eat', 'not enough food', 'always hungry', 'go to bed hungry', "haven't eaten", 'nobody looks after me',
    'no one looks after me', 'nobody cares about me', 'no one cares about me', 'left on my own', 'left home alone', 'left alone for days', 'always drunk',
    'drunk all the time', 'no clean clothes',
  ],
  'self-harm': ['self harm*', 'cut* myself', 'hurt* myself', 'harm* myself', 'burn* myself', 'starv* myself', 'make myself sick', 'punish myself'],
  suicide: [
    'suicid*', 'kill* myself', 'end my life', 'end it all', 'take my own life', 'want to die', 'wanna die', 'want to be dead', 'better off dead',
    'better off without me', "don't want to live", "don't want to be alive", "don't want to be here anymore", 'no reason to live', 'wish i was dead',
    'wish i were dead', "wish I wasn't born", 'unalive*',
  ],
  bullying: [
    'bullied', 'bully me', 'bullies me', 'bullying me', 'cyberbull*', 'picked on', 'pick* on me', 'call* me names', 'laugh* at me', 'nobody talks to me',
    'no one talks to me', 'nobody plays with me', 'push* me around', 'threaten* me', 'spread* rumours', 'posting about me', 'sharing photos of me',
  ],
  'running-away': [
    'run* away from home', 'ran away from home', 'want to run away', 'going to run away', 'gonna run away', 'thinking of running away', 'sleeping rough',
    'sleep* on the street*', 'nowhere to sleep', 'nowhere to live', 'kicked me out', 'kicked out of home', 'thrown out of home', 'sofa surfing',
    'couch surfing', "don't want to go home", "can't go home",
  ],
}

/** Figures of speech that contain a listed phrase. */
const englishExceptions = [
  'killing it', 'killed it', 'kill* time', 'killing myself laughing', 'hit* me up', 'drug abuse', 'alcohol abuse', 'substance abuse',
  'hurt* myself playing', 'laugh* at me and with me', 'rape seed', 'rapeseed',
]

/** Welsh (Cymraeg), with the mutated forms found automatically (see above). Both northern and southern words. */
const welsh: Lists = {
  harm: [
    'fy nharo', 'taro fi', 'fy nghuro', 'curo fi', 'fy nghicio', 'cicio fi', 'fy mrifo', 'brifo fi', 'ofn mynd adre', 'ofn mynd adref', 'ofn mynd adra',
    'ddim yn saff adre', 'ddim yn ddiogel adre', 'ddim yn ddiogel gartref', 'ofn fy nhad', 'ofn fy mam', 'bygwth fy lladd', 'cloi fi mewn',
  ],
  abuse: [
    'fy ngham drin', 'cam drin fi', 'camdriniwyd', 'cyffwrdd fi', 'cyffwrdd â fi', 'fy nghyffwrdd', 'treisio*', 'treisiwyd', 'lluniau noeth', "cadw'n gyfrinach",
    'ein cyfrinach ni',
  ],
  neglect: [
    'dim bwyd yn y tŷ', 'dim bwyd adre', 'dim bwyd gartref', "llwglyd drwy'r amser", "eisiau bwyd drwy'r amser", 'neb yn edrych ar fy ôl', 'neb yn gofalu amdana i',
    'neb yn poeni amdana i', 'gadael fi ar ben fy hun', 'fy ngadael ar ben fy hun', "meddw drwy'r amser",
  ],
  'self-harm': ['hunan niw*', 'hunanniw*', 'torri fy hun', 'brifo fy hun', 'niweidio fy hun', 'llwgu fy hun'],
  suicide: [
    'hunanladd*', 'lladd fy hun', 'eisiau marw', 'isio marw', 'moyn marw', 'fy mywyd i ben', 'gwell heb fi', 'gwell hebdda i', 'ddim eisiau byw', 'dim eisiau byw',
    'ddim isio byw', 'ddim moyn byw', 'eisiau bod yn farw',
  ],
  bullying: [
    'fy mwlio', 'bwlio fi', 'seiberfwlio', 'seiber fwlio', 'galw enwau arna i', 'chwerthin am fy mhen', 'neb yn siarad â fi', 'neb yn chwarae efo fi',
    'neb yn chwarae gyda fi', 'pigo arna i',
  ],
  'running-away': [
    'rhedeg i ffwrdd', 'dianc o gartref', 'dianc o adre', 'cysgu ar y stryd', 'cysgu allan', 'unman i gysgu', 'nunlle i gysgu', 'ddim eisiau mynd adre',
    'ddim isio mynd adra', 'ddim moyn mynd adre', 'taflu fi allan', 'fy nhaflu allan',
  ],
}

const welshExceptions = ['marw o chwerthin', 'marw isio bwyd']

/** Arabic: Modern Standard Arabic and a few common spoken forms (Levantine, Egyptian). Written without vowel marks. */
const arabic: Lists = {
  harm: [
    'يضربني', 'تضربني', 'يضربوني', 'ضربني', 'ضربتني', 'يؤذيني', 'تؤذيني', 'يؤذونني', 'يهددني', 'يحبسني', 'يحرقني', 'خايف أرجع البيت', 'خائف من العودة إلى المنزل',
    'لست بأمان في المنزل', 'مش أمان في البيت', 'غير آمن في البيت',
  ],
  abuse: ['اعتدى علي', 'تحرش بي', 'يتحرش بي', 'يلمسني', 'لمسني', 'اغتصاب', 'اغتصبني', 'صور عارية', 'يطلب صور', 'سر بيننا', 'إساءة جنسية', 'يسيء معاملتي'],
  neglect: ['لا يوجد طعام', 'ما في أكل', 'جوعان دائماً', 'جائع دائماً', 'لا أحد يهتم بي', 'ما حدا بيهتم فيني', 'يتركوني وحدي', 'تركوني لوحدي', 'وحدي في البيت'],
  'self-harm': ['أؤذي نفسي', 'إيذاء النفس', 'أجرح نفسي', 'جرحت نفسي', 'أحرق نفسي'],
  suicide: ['انتحار', 'انتحر*', 'أقتل نفسي', 'اقتل حالي', 'أريد أن أموت', 'بدي موت', 'عايز أموت', 'نفسي أموت', 'أنهي حياتي', 'ما بدي عيش', 'لا أريد أن أعيش', 'أتمنى لو كنت ميت*'],
  bullying: ['يتنمرون علي', 'يتنمر علي', 'تنمروا علي', 'تعرضت للتنمر', 'يسخرون مني', 'يضحكون علي', 'ينادونني بأسماء', 'لا أحد يلعب معي', 'ما حدا بيلعب معي'],
  'running-away': ['أهرب من البيت', 'أهرب من المنزل', 'هربت من البيت', 'بدي أهرب', 'أريد أن أهرب', 'أنام في الشارع', 'طردوني من البيت', 'لا أريد العودة إلى البيت', 'مش عايز أرجع البيت'],
}

const arabicExceptions: string[] = []

function flatten(locale: PhraseLocale, lists: Lists): SafeguardingPhrase[] {
  return safeguardingCategories.flatMap((category) => lists[category].map((phrase) => ({ locale, category, phrase })))
}

/** The shipped lists. Admins add to them (table safeguarding_phrase); nothing removes a default. */
export const defaultPhrases: readonly SafeguardingPhrase[] = [...flatten('en', english), ...flatten('cy', welsh), ...flatten('ar', arabic)]
export const defaultExceptions: Readonly<Record<PhraseLocale, readonly string[]>> = { en: englishExceptions, cy: welshExceptions, ar: arabicExceptions }

// ---- Normalising --------------------------------------------------------------------------------

const lookAlikes: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' }
/** Cyrillic letters that look like Latin ones ("wаnt" typed with a Cyrillic а). */
const cyrillicLookAlikes: Record<string, string> = { а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', к: 'k', м: 'm', т: 't', н: 'h' }

/** Lower case, no accents or vowel marks, Arabic letter variants folded, apostrophes gone, look-alike digits as letters. */
export function normaliseForScreening(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u0640]/g, '') // tatweel (kashida)
    .replace(/\u0649/g, '\u064a') // alef maqsura → yeh
    .replace(/\u0629/g, '\u0647') // teh marbuta → heh
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[013457@$]/g, (c) => lookAlikes[c] ?? c)
    .replace(/[аеорсухікмтн]/g, (c) => cyrillicLookAlikes[c] ?? c)
}

// ---- Compiling phrases into patterns ------------------------------------------------------------

const letter = '[\\p{L}\\p{N}]'
/** One spacing character allowed between the letters of a word ("k i l l", "k.i.l.l"). */
const inWord = "[\\s.\\-_*·]?"
/** Between words: any run of non-letters, or none ("killmyself", "self-harm"). */
const betweenWords = '[^\\p{L}\\p{N}]*'

const welshMutations: Array<[string, string[]]> = [
  ['ll', ['ll', 'l']],
  ['rh', ['rh', 'r']],
  ['c', ['c', 'g', 'ngh', 'ch']],
  ['p', ['p', 'b', 'mh', 'ph']],
  ['t', ['t', 'd', 'nh', 'th']],
  ['g', ['g', 'ng', '']],
  ['b', ['b', 'f', 'm']],
  ['d', ['d', 'dd', 'n']],
  ['m', ['m', 'f']],
]

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A run of letters: each letter may repeat, with one spacing character allowed between letters. */
function lettersPattern(letters: string): string {
  return [...letters].map((ch) => `${escape(ch)}+`).join(inWord)
}

function wordPattern(word: string, locale: PhraseLocale): string {
  const wildcard = word.endsWith('*')
  const stem = wildcard ? word.slice(0, -1) : word
  let body = lettersPattern(stem)
  if (locale === 'cy') {
    const mutation = welshMutations.find(([radical]) => stem.startsWith(radical) && stem.length > radical.length)
    if (mutation) {
      const [radical, forms] = mutation
      const alternatives = forms.map((form) => (form ? `${lettersPattern(form)}${inWord}` : ''))
      body = `(?:${alternatives.join('|')})${lettersPattern(stem.slice(radical.length))}`
    }
  }
  return wildcard ? `${body}${letter}*` : body
}

/** A phrase as a regular expression over normalised text (whole words only). */
export function phrasePattern(phrase: string, locale: PhraseLocale): RegExp {
  const words = normaliseForScreening(phrase)
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean)
  if (!words.length) throw new Error(`Empty safeguarding phrase: ${JSON.stringify(phrase)}`)
  const body = words.map((w) => wordPattern(w, locale)).join(betweenWords)
  const prefix = locale === 'ar' ? '(?:[\\u0648\\u0641\\u0628]' + inWord + ')?' : ''
  return new RegExp(`(?<![\\p{L}\\p{N}])${prefix}${body}(?![\\p{L}\\p{N}])`, 'gu')
}

/** Whether a phrase typed by an admin can be used: some letters, at most 8 words, 80 characters. */
export function checkPhrase(phrase: string): { ok: true; phrase: string } | { ok: false; reason: 'empty' | 'tooLong' | 'tooShort' } {
  const cleaned = phrase.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (!cleaned) return { ok: false, reason: 'empty' }
  if ([...cleaned].length > 80 || cleaned.split(' ').length > 8) return { ok: false, reason: 'tooLong' }
  // A stem shorter than 3 letters with a wildcard ("a*") would match almost anything.
  const letters = normaliseForScreening(cleaned).replace(/[^\p{L}\p{N}]/gu, '')
  if ([...letters].length < 3) return { ok: false, reason: 'tooShort' }
  return { ok: true, phrase: cleaned }
}

// ---- Screening ----------------------------------------------------------------------------------

export interface CompiledScreen {
  phrases: Array<SafeguardingPhrase & { pattern: RegExp }>
  exceptions: RegExp[]
}

/** Compiles the lists once (they are reused for every answer). Bad phrases are skipped, not fatal. */
export function compileScreen(phrases: readonly SafeguardingPhrase[], exceptions: Readonly<Record<PhraseLocale, readonly string[]>> = defaultExceptions): CompiledScreen {
  const compiled: CompiledScreen['phrases'] = []
  const seen = new Set<string>()
  for (const p of phrases) {
    const key = `${p.locale}|${p.category}|${normaliseForScreening(p.phrase)}`
    if (seen.has(key) || !checkPhrase(p.phrase).ok) continue
    seen.add(key)
    compiled.push({ ...p, pattern: phrasePattern(p.phrase, p.locale) })
  }
  const exceptionPatterns = phraseLocales.flatMap((locale) => (exceptions[locale] ?? []).map((e) => phrasePattern(e, locale)))
  return { phrases: compiled, exceptions: exceptionPatterns }
}

/** Which categories and list phrases the text matches; null when none. */
export function screenText(text: string, screen: CompiledScreen): SafeguardingMatch | null {
  let normalised = normaliseForScreening(text)
  if (!normalised.trim()) return null
  // Blank out figures of speech first, keeping positions, so their words cannot be matched.
  for (const exception of screen.exceptions) normalised = normalised.replace(exception, (m) => ' '.repeat(m.length))
  const matched: SafeguardingPhrase[] = []
  for (const p of screen.phrases) {
    p.pattern.lastIndex = 0
    if (p.pattern.test(normalised)) matched.push({ locale: p.locale, category: p.category, phrase: p.phrase })
  }
  if (!matched.length) return null
  const categories = safeguardingCategories.filter((c) => matched.some((m) => m.category === c))
  return { categories, phrases: matched }
}

// ---- Flags --------------------------------------------------------------------------------------

export const flagStatuses = ['new', 'reviewed', 'action_taken', 'no_action_needed'] as const
export type FlagStatus = (typeof flagStatuses)[number]

export function isFlagStatus(value: unknown): value is FlagStatus {
  return typeof value === 'string' && (flagStatuses as readonly string[]).includes(value)
}

/** Queue order: new first, then reviewed, action taken, no action needed; newest first within each. */
export function compareFlags(a: { status: FlagStatus; createdAt: string }, b: { status: FlagStatus; createdAt: string }): number {
  const byStatus = flagStatuses.indexOf(a.status) - flagStatuses.indexOf(b.status)
  return byStatus !== 0 ? byStatus : b.createdAt.localeCompare(a.createdAt)
}

/** Reads a JSON list of categories kept with a flag (anything unknown is dropped). */
export function parseCategories(json: string): SafeguardingCategory[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? safeguardingCategories.filter((c) => value.includes(c)) : []
  } catch {
    return []
  }
}
