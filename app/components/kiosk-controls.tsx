// Kiosk controls on a question page of a shared tablet (issue #6): "I'm finished", and going back to the
// start when the tablet is left alone — with JavaScript after a gentle warning (app/domain/kiosk.ts),
// without it by <meta http-equiv="refresh">. The words come translated from the loader (KioskView). The idle
// watch (./kiosk-idle.ts) is fetched when a kiosk page runs, so other question pages do not carry it.
import { useEffect, useRef, useState } from 'react'
import { forgetUnsent } from './unsent-answer'

export interface KioskWords {
  slug: string
  resetHref: string
  /** Without JavaScript: seconds before the page goes back to the start by itself */
  resetSeconds: number
  finish: string
  finishHint: string
  idleTitle: string
  idleBody: string
  stillHere: string
}

export function KioskControls({ kiosk }: { kiosk: KioskWords }) {
  const [warning, setWarning] = useState(false)
  // Marked on the form once the idle watch runs (it is fetched after the page loads).
  const [watching, setWatching] = useState(false)
  const stillHere = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    let stop: (() => void) | undefined
    let gone = false
    void import('./kiosk-idle').then(({ watchIdle }) => {
      if (gone) return
      stop = watchIdle(kiosk.resetHref, setWarning, forgetUnsent)
      setWatching(true)
    })
    return () => {
      gone = true
      stop?.()
    }
  }, [kiosk.resetHref])
  useEffect(() => {
    if (warning) stillHere.current?.focus()
  }, [warning])
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content={`${kiosk.resetSeconds};url=${kiosk.resetHref}`} />
      </noscript>
      {warning ? (
        <div className="kiosk-idle" role="alertdialog" aria-modal="false" aria-labelledby="kiosk-idle-title" aria-describedby="kiosk-idle-body">
          <h2 id="kiosk-idle-title">{kiosk.idleTitle}</h2>
          <p id="kiosk-idle-body">{kiosk.idleBody}</p>
          <button ref={stillHere} type="button" className="button button--primary" onClick={() => setWarning(false)}>
            {kiosk.stillHere}
          </button>
        </div>
      ) : null}
      {/* A plain form: the next page is a whole new page, with nothing of this child's kept in memory. */}
      <form method="post" action="/join/finish" className="kiosk-finish" autoComplete="off" onSubmit={forgetUnsent} data-idle-watch={watching ? 'on' : undefined}>
        <input type="hidden" name="slug" value={kiosk.slug} />
        <p id="kiosk-finish-hint" className="hint">
          {kiosk.finishHint}
        </p>
        <button type="submit" className="button button--secondary" aria-describedby="kiosk-finish-hint">
          {kiosk.finish}
        </button>
      </form>
    </>
  )
}
