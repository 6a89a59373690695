// Flaky connections (issue #6): with JavaScript, a question page's answer that could not be sent (no
// network) is kept on the device — localStorage, or sessionStorage on a shared tablet — and sent again
// until the server has it; then it is removed. Only text fields are kept (never a picture).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const KEY = 'hys-unsent'

interface Unsent {
  path: string
  entries: Array<[string, string]>
  /** When it was kept: an answer kept more than a day ago is not sent any more */
  at: number
}

const KEEP_MS = 24 * 60 * 60_000

function store(kiosk: boolean): Storage | null {
  try {
    return kiosk ? window.sessionStorage : window.localStorage
  } catch {
    return null // storage switched off
  }
}

/** On submit: keep what is being sent, in case the connection drops. */
export function keepUnsent(event: { currentTarget: HTMLFormElement; nativeEvent: Event }, kiosk: boolean) {
  const form = event.currentTarget
  const data = new FormData(form)
  const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
  if (submitter?.name) data.set(submitter.name, submitter.value)
  const entries: Array<[string, string]> = []
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') return // a picture: not kept on the device
    entries.push([name, value])
  }
  try {
    store(kiosk)?.setItem(KEY, JSON.stringify({ path: window.location.pathname, entries, at: Date.now() } satisfies Unsent))
  } catch {
    // full or switched off: nothing more can be done
  }
}

/** The server has answered (saved, or said what to fix): nothing is waiting any more. */
export function forgetUnsent() {
  for (const kiosk of [false, true]) {
    try {
      store(kiosk)?.removeItem(KEY)
    } catch {
      // switched off
    }
  }
}

function readUnsent(): Unsent | null {
  for (const kiosk of [true, false]) {
    try {
      const raw = store(kiosk)?.getItem(KEY)
      if (!raw) continue
      const value = JSON.parse(raw) as Unsent
      if (typeof value?.path === 'string' && Array.isArray(value.entries) && Date.now() - value.at < KEEP_MS) return value
    } catch {
      // unreadable: ignore
    }
  }
  return null
}

/**
 * Sends the kept answer for this page again, every few seconds and as soon as the device is back
 * online. A redirect means it was saved: go where the server says. Any other answer from the server
 * (something to fix) is shown by sending the same form the ordinary way.
 */
export function UnsentAnswer({ failed = false }: { failed?: boolean }) {
  const { t } = useTranslation('participant')
  const [waiting, setWaiting] = useState<Unsent | null>(null)
  useEffect(() => {
    const unsent = readUnsent()
    if (!unsent || unsent.path !== window.location.pathname) return
    setWaiting(unsent)
    let stopped = false
    let busy = false
    const send = async () => {
      if (stopped || busy) return
      busy = true
      try {
        const response = await fetch(unsent.path, { method: 'POST', body: new URLSearchParams(unsent.entries), credentials: 'same-origin' })
        stopped = true
        forgetUnsent()
        if (response.redirected) return window.location.assign(response.url)
        const form = document.createElement('form')
        form.method = 'post'
        form.action = unsent.path
        for (const [name, value] of unsent.entries) {
          const input = document.createElement('input')
          input.type = 'hidden'
          input.name = name
          input.value = value
          form.append(input)
        }
        document.body.append(form)
        form.submit()
      } catch {
        // still offline: try again soon
      } finally {
        busy = false
      }
    }
    void send()
    const timer = window.setInterval(send, 5000)
    window.addEventListener('online', send)
    return () => {
      stopped = true
      window.clearInterval(timer)
      window.removeEventListener('online', send)
    }
  }, [])
  if (!waiting && !failed) return null
  return (
    <div className="notice unsent-answer" role="status">
      <p>
        <strong>{t('offline.notSent')}</strong>
      </p>
      <p>{t('offline.kept')}</p>
    </div>
  )
}
