import { Fragment } from 'react'
import { splitSentences } from '~/domain/sentences'

/**
 * Text as one span per sentence, with the spaces kept between them. The page reads exactly as
 * before; symbol-supported mode (html.symbol-mode) puts each sentence on its own line.
 */
export function Sentences({ text }: { text: string }) {
  const sentences = splitSentences(text)
  if (sentences.length < 2) return <>{text}</>
  return (
    <>
      {sentences.map((sentence, i) => (
        <Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span className="sentence">{sentence}</span>
        </Fragment>
      ))}
    </>
  )
}
