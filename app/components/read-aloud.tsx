import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SurveyQuestion } from '~/domain/survey'

/** Whether this browser can speak (known only after hydration: the server never renders the button). */
function useSpeechSupported(): boolean {
  const [supported, setSupported] = useState(false)
  useEffect(() => {
    setSupported('speechSynthesis' in window && typeof window.SpeechSynthesisUtterance === 'function')
  }, [])
  return supported
}

/** Speaks `text` in the page's language; a second press while it speaks stops it. */
function useSpeech(text: string) {
  const [speaking, setSpeaking] = useState(false)
  const current = useRef<SpeechSynthesisUtterance | null>(null)
  // Leaving the page (or the question) stops this button's voice.
  useEffect(
    () => () => {
      if (current.current) window.speechSynthesis.cancel()
    },
    [],
  )
  function toggle() {
    const synth = window.speechSynthesis
    synth.cancel() // one voice at a time: stops any other button too
    if (speaking) {
      current.current = null
      setSpeaking(false)
      return
    }
    const utterance = new SpeechSynthesisUtterance(text)
    const lang = document.documentElement.lang || 'en'
    utterance.lang = lang
    const voice = synth.getVoices().find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang.toLowerCase())
    if (voice) utterance.voice = voice
    const done = () => {
      if (current.current !== utterance) return
      current.current = null
      setSpeaking(false)
    }
    utterance.onend = done
    utterance.onerror = done
    current.current = utterance
    setSpeaking(true)
    synth.speak(utterance)
  }
  return { speaking, toggle }
}

function SpeakerIcon() {
  return (
    <svg className="read-aloud__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}

/**
 * A read-aloud button (browser speech synthesis). Rendered only after hydration and only where the
 * browser can speak, so a page without JavaScript never shows a button that does nothing. Never put
 * it inside a <label>: it is a control of its own.
 */
export function ReadAloud({ text, kind, label }: { text: string; kind: 'question' | 'option'; label?: string }) {
  const { t } = useTranslation('display')
  const supported = useSpeechSupported()
  const { speaking, toggle } = useSpeech(text)
  if (!supported) return null
  if (kind === 'question') {
    return (
      <button type="button" className={`read-aloud read-aloud--question${speaking ? ' read-aloud--speaking' : ''}`} onClick={toggle} aria-label={t('readAloud.question')}>
        <SpeakerIcon />
        <span aria-hidden="true">{t('readAloud.questionShort')}</span>
      </button>
    )
  }
  return (
    <button type="button" className={`read-aloud${speaking ? ' read-aloud--speaking' : ''}`} onClick={toggle} aria-label={t('readAloud.option', { label: label ?? text })}>
      <SpeakerIcon />
    </button>
  )
}

/** A recorded clip of the question, with the browser's own controls (works without JavaScript). */
export function QuestionAudio({ src, id }: { src: string | null | undefined; id: string }) {
  const { t } = useTranslation('display')
  if (!src) return null
  return (
    <div className="question-audio">
      <p id={id} className="question-audio__caption">
        {t('audio.caption')}
      </p>
      <audio className="question-audio__player" controls preload="none" src={src} aria-labelledby={id} />
    </div>
  )
}

/** Under a question's heading: its read-aloud button (after hydration, where the browser can speak) and its recorded clip. */
export function QuestionHelp({ question }: { question: Pick<SurveyQuestion, 'key' | 'prompt' | 'hint' | 'audio'> }) {
  return (
    <div className="question-help">
      <ReadAloud kind="question" text={[question.prompt, question.hint].filter(Boolean).join(' ')} />
      <QuestionAudio src={question.audio} id={`${question.key}-audio`} />
    </div>
  )
}
