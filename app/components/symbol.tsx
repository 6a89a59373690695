import { createContext, useContext } from 'react'
import { parseSymbolReference, symbolImageUrl, symbolSourceSizes, type ImageSymbolReference, type SymbolFormat } from '~/domain/symbol-reference'

/** True on pages shown in symbol-supported mode (bigger symbols, so bigger images are asked for). */
export const SymbolModeContext = createContext(false)

/** Where a symbol is shown, and how wide (CSS pixels) in the normal and the symbol-supported layout. */
const shownSize = {
  option: { normal: 40, symbols: 96 },
  scale: { normal: 64, symbols: 112 },
  question: { normal: 64, symbols: 128 },
  notice: { normal: 40, symbols: 64 },
} as const
export type SymbolPlace = keyof typeof shownSize

interface Props {
  /** A symbol reference: emoji:😀, openmoji:1F600 or upload:<id> (see app/domain/symbol-reference.ts) */
  symbol: string | null | undefined
  place?: SymbolPlace
  /** Options load when scrolled near (the default); the question's own symbol loads at once. */
  lazy?: boolean
  /** Older call sites name the place by class ("symbol symbol--question"); `place` wins when given. */
  className?: string
  /**
   * Text alternative. Empty (the default) because a symbol is always shown beside its word, and the
   * word already names the control: see docs/decisions/006-symbols.md. Give one only where a symbol
   * stands alone.
   */
  alt?: string
}

/**
 * Renders any symbol reference. Images come from the app's own routes as WebP with a PNG fallback,
 * at the size the page shows them (and twice that for sharp screens), with width and height set so
 * nothing jumps while they load.
 */
export function SymbolImage({ symbol, place: placeProp, lazy, alt = '', className: legacyClass }: Props) {
  const symbolMode = useContext(SymbolModeContext)
  const reference = parseSymbolReference(symbol)
  if (!reference) return null
  const place: SymbolPlace = placeProp ?? (legacyClass?.includes('symbol--question') ? 'question' : legacyClass?.includes('symbol--scale') ? 'scale' : 'option')
  const className = `symbol symbol--${place}`
  if (reference.kind === 'emoji') {
    return (
      <span className={`${className} symbol--emoji`} {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': true })}>
        {reference.text}
      </span>
    )
  }
  const px = shownSize[place][symbolMode ? 'symbols' : 'normal']
  const sizes = symbolSourceSizes(px)
  const srcSet = (format: SymbolFormat) => `${symbolImageUrl(reference, format, sizes.oneX)} 1x, ${symbolImageUrl(reference, format, sizes.twoX)} 2x`
  return (
    <picture className={className}>
      <source type="image/webp" srcSet={srcSet('webp')} />
      <img
        className="symbol__image"
        src={symbolImageUrl(reference as ImageSymbolReference, 'png', sizes.oneX)}
        srcSet={srcSet('png')}
        width={px}
        height={px}
        alt={alt}
        loading={(lazy ?? place !== 'question') ? 'lazy' : undefined}
        decoding="async"
      />
    </picture>
  )
}
