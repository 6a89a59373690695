// Symbol references on questions and options, and the image URLs the app serves them from.
// A reference is a short string stored with the question or option:
//   emoji:😀            an emoji character, drawn by the device's own font
//   openmoji:1F600      an OpenMoji pictogram (shipped as the `openmoji` package, CC BY-SA 4.0)
//   upload:<id>         an organisation's own symbol (for example Widgit), stored in symbol_image
// Pure: used by the server (routes) and in the browser (the SymbolImage component).

export type SymbolReference = { kind: 'emoji'; text: string } | { kind: 'openmoji'; hexcode: string } | { kind: 'upload'; id: string }
export type ImageSymbolReference = Extract<SymbolReference, { kind: 'openmoji' | 'upload' }>

/** Square pixel sizes the image routes render (a short list keeps the cache small and URLs cacheable). */
export const symbolSizes = [64, 128, 256] as const
export type SymbolSize = (typeof symbolSizes)[number]
export const defaultSymbolSize: SymbolSize = 64

export const symbolFormats = ['webp', 'png'] as const
export type SymbolFormat = (typeof symbolFormats)[number]

// OpenMoji names its files by Unicode code points in upper-case hex joined by "-" (1F441-FE0F-200D-1F5E8-FE0F).
const HEXCODE = /^[0-9A-F]{2,6}(?:-[0-9A-F]{2,6}){0,9}$/
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/
/** Longest emoji sequence kept (a family with skin tones is about 20 UTF-16 units). */
const MAX_EMOJI_LENGTH = 32

export function parseSymbolReference(reference: string | null | undefined): SymbolReference | null {
  if (!reference) return null
  const colon = reference.indexOf(':')
  if (colon <= 0) return null
  const kind = reference.slice(0, colon)
  const value = reference.slice(colon + 1).trim()
  if (kind === 'emoji') return value && value.length <= MAX_EMOJI_LENGTH ? { kind, text: value } : null
  if (kind === 'openmoji') {
    const hexcode = value.toUpperCase()
    return HEXCODE.test(hexcode) ? { kind, hexcode } : null
  }
  if (kind === 'upload') return UPLOAD_ID.test(value) ? { kind, id: value } : null
  return null
}

export function isOpenmojiHexcode(value: string): boolean {
  return HEXCODE.test(value)
}

export function isUploadId(value: string): boolean {
  return UPLOAD_ID.test(value)
}

/** The app's own URL for an image symbol, e.g. /symbols/openmoji/1F600.webp?size=64. */
export function symbolImageUrl(reference: ImageSymbolReference, format: SymbolFormat, size: SymbolSize): string {
  const name = reference.kind === 'openmoji' ? reference.hexcode : reference.id
  return `/symbols/${reference.kind}/${name}.${format}?size=${size}`
}

/** "1F600.webp" → { name: "1F600", format: "webp" }; anything else → null. */
export function parseSymbolFile(file: string | undefined): { name: string; format: SymbolFormat } | null {
  const match = /^([^./]+)\.(webp|png)$/.exec(file ?? '')
  if (!match) return null
  return { name: match[1], format: match[2] as SymbolFormat }
}

/** The ?size= parameter: missing means the default; anything not in the list is refused (null). */
export function parseSymbolSize(raw: string | null): SymbolSize | null {
  if (raw === null || raw === '') return defaultSymbolSize
  if (!/^\d{1,4}$/.test(raw)) return null
  const size = Number(raw)
  return (symbolSizes as readonly number[]).includes(size) ? (size as SymbolSize) : null
}

/**
 * The image sizes to ask for when a symbol is shown `cssPixels` wide: the smallest rendered size
 * that covers it on a standard screen (1x), and the one for a high-density screen (2x).
 */
export function symbolSourceSizes(cssPixels: number): { oneX: SymbolSize; twoX: SymbolSize } {
  const atLeast = (px: number) => symbolSizes.find((s) => s >= px) ?? symbolSizes[symbolSizes.length - 1]
  return { oneX: atLeast(cssPixels), twoX: atLeast(cssPixels * 2) }
}
