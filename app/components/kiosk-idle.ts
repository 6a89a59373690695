// The kiosk's idle watch (app/components/kiosk-controls.tsx), fetched only when a kiosk tablet's page
// runs, so no other question page carries it: back to the start when the tablet is left alone, after a
// warning (app/domain/kiosk.ts), and never a page from the back-forward cache.
import { idlePhase } from '~/domain/kiosk'

/** Starts watching; returns the function that stops it. `forget` drops any answer kept unsent. */
export function watchIdle(resetHref: string, setWarning: (on: boolean) => void, forget: () => void): () => void {
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
      forget()
      window.location.replace(resetHref)
    } else setWarning(phase === 'warning')
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
}
