// Agreement between two coders on a double-coded sample, per theme: Cohen's kappa. For one theme,
// each item is a yes/no decision by each coder ("does this theme apply?"), so kappa is computed
// on the 2 × 2 table of their decisions:
//
//                 coder B yes   coder B no
//   coder A yes       a             b
//   coder A no        c             d          n = a + b + c + d
//
//   observed agreement  po = (a + d) / n
//   chance agreement    pe = ((a + b)(a + c) + (c + d)(b + d)) / n²
//   kappa               κ  = (po − pe) / (1 − pe)
//
// κ is 1 for perfect agreement, 0 for no more than chance, below 0 for less. When pe = 1 (both coders
// gave every item the same single answer, e.g. neither ever used the theme) κ is not defined: the
// result is null, with the counts beside it so the page can say why. Pure.

export interface AgreementTable {
  /** both yes */
  a: number
  /** A yes, B no */
  b: number
  /** A no, B yes */
  c: number
  /** both no */
  d: number
}

export interface KappaResult extends AgreementTable {
  n: number
  observed: number | null
  expected: number | null
  kappa: number | null
}

/** The 2 × 2 table from paired yes/no decisions. */
export function agreementTable(pairs: ReadonlyArray<readonly [boolean, boolean]>): AgreementTable {
  const table = { a: 0, b: 0, c: 0, d: 0 }
  for (const [first, second] of pairs) {
    if (first && second) table.a++
    else if (first) table.b++
    else if (second) table.c++
    else table.d++
  }
  return table
}

export function cohensKappa({ a, b, c, d }: AgreementTable): KappaResult {
  for (const x of [a, b, c, d]) if (!Number.isInteger(x) || x < 0) throw new Error(`counts must be whole numbers ≥ 0, got ${x}`)
  const n = a + b + c + d
  if (n === 0) return { a, b, c, d, n, observed: null, expected: null, kappa: null }
  const observed = (a + d) / n
  const expected = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected)
  return { a, b, c, d, n, observed, expected, kappa }
}

/** Landis and Koch's (1977) words for a kappa, as a key for the page to translate. */
export function kappaBand(kappa: number | null): 'undefined' | 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almostPerfect' {
  if (kappa === null) return 'undefined'
  if (kappa < 0) return 'poor'
  if (kappa <= 0.2) return 'slight'
  if (kappa <= 0.4) return 'fair'
  if (kappa <= 0.6) return 'moderate'
  if (kappa <= 0.8) return 'substantial'
  return 'almostPerfect'
}

export interface ThemeAgreement extends KappaResult {
  themeId: string
  /** Items where exactly one of the two coders used the theme */
  disagreements: string[]
}

/**
 * Agreement per theme on the items both coders coded. `first` and `second` map an item key to the
 * theme ids that coder gave it; items only one of them coded are left out (they cannot be compared).
 */
export function agreementByTheme(themeIds: readonly string[], first: ReadonlyMap<string, ReadonlySet<string>>, second: ReadonlyMap<string, ReadonlySet<string>>): { items: string[]; themes: ThemeAgreement[] } {
  const items = [...first.keys()].filter((key) => second.has(key)).sort()
  const themes = themeIds.map((themeId) => {
    const pairs = items.map((key) => [first.get(key)!.has(themeId), second.get(key)!.has(themeId)] as const)
    const disagreements = items.filter((_, i) => pairs[i][0] !== pairs[i][1])
    return { themeId, ...cohensKappa(agreementTable(pairs)), disagreements }
  })
  return { items, themes }
}

/**
 * Which two coders to compare. `coders` is ordered by how much of the sample each coded (most first);
 * by default the first two. A planner may pick another pair: used when both are coders of the sample
 * and not the same person. `refused` says a pick was made but could not be used.
 */
export function chooseCoderPair(coders: readonly string[], wanted: { first?: string | null; second?: string | null } = {}): { pair: readonly [string, string] | null; refused: 'same' | 'unknown' | null } {
  const fallback = coders.length >= 2 ? ([coders[0], coders[1]] as const) : null
  const { first, second } = wanted
  if (!first && !second) return { pair: fallback, refused: null }
  if (!first || !second || !coders.includes(first) || !coders.includes(second)) return { pair: fallback, refused: 'unknown' }
  if (first === second) return { pair: fallback, refused: 'same' }
  return { pair: [first, second], refused: null }
}
