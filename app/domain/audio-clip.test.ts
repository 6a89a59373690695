import { describe, expect, it } from 'vitest'
import { audioClipSource } from './audio-clip'

describe('audioClipSource', () => {
  it('accepts a path on this site to an audio file', () => {
    expect(audioClipSource('/audio/q1-en.mp3')).toBe('/audio/q1-en.mp3')
    expect(audioClipSource(' /media/welcome.OGG ')).toBe('/media/welcome.OGG')
  })

  it('refuses other sites, other file types and path tricks', () => {
    expect(audioClipSource(null)).toBeNull()
    expect(audioClipSource('')).toBeNull()
    expect(audioClipSource('https://example.com/a.mp3')).toBeNull()
    expect(audioClipSource('//example.com/a.mp3')).toBeNull()
    expect(audioClipSource('audio/a.mp3')).toBeNull()
    expect(audioClipSource('/audio/a.mp3?x=1')).toBeNull()
    expect(audioClipSource('/audio/../secret.mp3')).toBeNull()
    expect(audioClipSource('/audio/a.html')).toBeNull()
    expect(audioClipSource('javascript:alert(1)//.mp3')).toBeNull()
  })
})
