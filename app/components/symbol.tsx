/**
 * Renders a symbol reference. Formats: "emoji:😀". The label beside it carries the meaning,
 * so the symbol itself is decorative for screen readers.
 */
export function SymbolImage({ symbol, className = 'symbol' }: { symbol: string | null; className?: string }) {
  if (!symbol) return null
  const [kind, ...rest] = symbol.split(':')
  const value = rest.join(':')
  if (kind === 'emoji') {
    return (
      <span className={`${className} symbol--emoji`} aria-hidden="true">
        {value}
      </span>
    )
  }
  return null
}
