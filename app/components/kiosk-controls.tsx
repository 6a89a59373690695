// Kiosk controls on a question page of a shared tablet (issue #6): "I'm finished", and going back to the
// start when the tablet is left alone — with JavaScript after a gentle warning (app/domain/kiosk.ts),
// without it by <meta http-equiv="refresh">. The words come translated from the loader (KioskView).
import { useEffect, useRef, useState } from 'react'
import { idlePhase, NO_JS_RESET_SECONDS } from '~/domain/kiosk'
import { forgetUnsent } from './unsent-answer'

export interface KioskWords {
  slug: string
  resetHref: string
  finish: string
  finishHint: string
  idleTitle: string
  idleBody: string
  stillHere: string
}

export function KioskControls({ kiosk }: { kiosk: KioskWords }) {
  const [warning, setWarning] = useState(false)
  const stillHere = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    let last = Date.now()
    const touched = () => {
      last = Date.now()
    }
    const events = ['pointerdown', 'keydown', 'input', 'touchstart', 'wheel'] as const
    for (const name of events) window.addEventListener(name, touched, { capture: true, passive: true })
    const timer = window.setInterval(() => {
      const phase = idlePhase(Date.now() - last)
      if (phase === 'reset') {
        // Nothing of this child's may be sent later into the next child's answers.
        forgetUnsent()
        window.location.replace(kiosk.resetHref)
      }
      else setWarning(phase === 'warning')
    }, 1000)
    // A page brought back from the back-forward cache is asked for again (the server decides what it shows).
    const shown = (event: PageTransitionEvent) => {
      if (event.persisted) window.location.reload()
    }
    window.addEventListener('pageshow', shown)
    return () => {
      for (const name of events) window.removeEventListener(name, touched, { capture: true })
      window.removeEventListener('pageshow', shown)
      window.clearInterval(timer)
    }
  }, [kiosk.resetHref])
  useEffect(() => {
    if (warning) stillHere.current?.focus()
  }, [warning])
  return (
    <>
      <noscript>
        <meta httpEquiv="refresh" content={`${NO_JS_RESET_SECONDS};url=${kiosk.resetHref}`} />
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
      <form method="post" action="/join/finish" className="kiosk-finish" autoComplete="off" onSubmit={forgetUnsent}>
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
