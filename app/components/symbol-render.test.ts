// Server-rendered markup of the symbol, sentence, read-aloud and audio components (what a phone
// without JavaScript receives).
import { createElement, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '~/i18n/i18n'
import { QuestionAudio, QuestionHelp, ReadAloud } from './read-aloud'
import { Sentences } from './sentences'
import { SymbolImage, SymbolModeContext } from './symbol'

function html(element: ReactElement, { symbolMode = false, locale = 'en' } = {}): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(SymbolModeContext.Provider, { value: symbolMode }, element)))
}

describe('SymbolImage', () => {
  it('renders an OpenMoji symbol as WebP with a PNG fallback, sized for an option, lazy, decorative', () => {
    expect(html(createElement(SymbolImage, { symbol: 'openmoji:1F600' }))).toBe(
      '<picture class="symbol symbol--option">' +
        '<source type="image/webp" srcSet="/symbols/openmoji/1F600.webp?size=64 1x, /symbols/openmoji/1F600.webp?size=128 2x"/>' +
        '<img class="symbol__image" src="/symbols/openmoji/1F600.png?size=64" srcSet="/symbols/openmoji/1F600.png?size=64 1x, /symbols/openmoji/1F600.png?size=128 2x" width="40" height="40" alt="" loading="lazy" decoding="async"/>' +
        '</picture>',
    )
  })

  it('asks for bigger images in symbol mode, and loads the question’s own symbol at once', () => {
    const markup = html(createElement(SymbolImage, { symbol: 'upload:abc_1', place: 'question' }), { symbolMode: true })
    expect(markup).toContain('srcSet="/symbols/upload/abc_1.webp?size=128 1x, /symbols/upload/abc_1.webp?size=256 2x"')
    expect(markup).toContain('width="128" height="128"')
    expect(markup).not.toContain('loading=')
    expect(markup).toContain('class="symbol symbol--question"')
  })

  it('keeps the older className call sites working', () => {
    expect(html(createElement(SymbolImage, { symbol: 'openmoji:1F600', className: 'symbol symbol--scale' }))).toContain('class="symbol symbol--scale"')
  })

  it('hides an emoji from screen readers unless it stands alone with its own text', () => {
    expect(html(createElement(SymbolImage, { symbol: 'emoji:😀' }))).toBe('<span class="symbol symbol--option symbol--emoji" aria-hidden="true">😀</span>')
    expect(html(createElement(SymbolImage, { symbol: 'emoji:😀', alt: 'Happy' }))).toBe('<span class="symbol symbol--option symbol--emoji" role="img" aria-label="Happy">😀</span>')
  })

  it('renders nothing for no symbol or a reference it does not know', () => {
    expect(html(createElement(SymbolImage, { symbol: null }))).toBe('')
    expect(html(createElement(SymbolImage, { symbol: 'widgit:42' }))).toBe('')
    expect(html(createElement(SymbolImage, { symbol: 'openmoji:../../x' }))).toBe('')
  })
})

describe('Sentences', () => {
  it('puts each sentence in its own span with the space kept, and leaves one sentence alone', () => {
    expect(html(createElement(Sentences, { text: 'Put these in order. What matters most to you?' }))).toBe('<span class="sentence">Put these in order.</span> <span class="sentence">What matters most to you?</span>')
    expect(html(createElement(Sentences, { text: 'Less bullying' }))).toBe('Less bullying')
  })
})

describe('read-aloud and audio on the server', () => {
  it('sends no read-aloud button (it appears only after hydration, where speech works)', () => {
    expect(html(createElement(ReadAloud, { text: 'Children in care', kind: 'option' }))).toBe('')
    expect(html(createElement(QuestionHelp, { question: { key: 'q', prompt: 'Hello?', hint: null, audio: null } }))).toBe('<div class="question-help"></div>')
  })

  it('plays a recorded clip with the browser’s own controls, labelled in the page’s language', () => {
    expect(html(createElement(QuestionAudio, { src: '/audio/q1.mp3', id: 'q1-audio' }))).toBe(
      '<div class="question-audio"><p id="q1-audio" class="question-audio__caption">Listen to a recording of the question</p>' +
        '<audio class="question-audio__player" controls="" preload="none" src="/audio/q1.mp3" aria-labelledby="q1-audio"></audio></div>',
    )
    expect(html(createElement(QuestionAudio, { src: '/audio/q1.mp3', id: 'x' }), { locale: 'cy' })).toContain("Gwrando ar recordiad o&#x27;r cwestiwn")
    expect(html(createElement(QuestionAudio, { src: null, id: 'x' }))).toBe('')
  })
})
