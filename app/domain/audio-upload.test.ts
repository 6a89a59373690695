import { describe, expect, it } from 'vitest'
import { audioClipSource } from './audio-clip'
import { audioClipPath, checkAudioUpload, MAX_AUDIO_BYTES, parseAudioClipFile, sniffAudioFormat, uploadedClipId } from './audio-upload'

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]
const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff]

/** A real 8 kHz mono 16-bit PCM WAV with `samples` samples of silence. */
function wav(samples = 8) {
  const data = samples * 2
  return bytes('RIFF', le32(36 + data), 'WAVE', 'fmt ', le32(16), le16(1), le16(1), le32(8000), le32(16000), le16(2), le16(16), 'data', le32(data), new Array(data).fill(0))
}
/** The first page of an Ogg stream whose first packet is `packet`. */
const oggPage = (packet: number[] | string) => {
  const body = typeof packet === 'string' ? [...packet].map((c) => c.charCodeAt(0)) : packet
  return bytes('OggS', [0, 0x02], new Array(8).fill(0), [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1], [body.length], body)
}
const mp3Frame = [0xff, 0xfb, 0x90, 0x64, ...new Array(12).fill(0)] // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
const id3 = (size: number) => bytes('ID3', [3, 0, 0], [0, 0, 0, size], new Array(size).fill(0))

describe('sniffAudioFormat', () => {
  it('finds each format from its first bytes', () => {
    expect(sniffAudioFormat(wav())).toBe('wav')
    expect(sniffAudioFormat(new Uint8Array(mp3Frame))).toBe('mp3')
    expect(sniffAudioFormat(new Uint8Array([...id3(20), ...mp3Frame]))).toBe('mp3')
    expect(sniffAudioFormat(oggPage(['O', 'p', 'u', 's', 'H', 'e', 'a', 'd'].map((c) => c.charCodeAt(0)).concat([1, 1, 0x38, 1, 0x80, 0xbb, 0, 0, 0, 0, 0])))).toBe('opus')
    expect(sniffAudioFormat(oggPage([0x01, ...[...'vorbis'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0, 1]))).toBe('ogg')
    const webm = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f], [0x42, 0x86, 0x81, 0x01], [0x42, 0xf7, 0x81, 0x01], [0x42, 0x82, 0x84], 'webm', [0x42, 0x87, 0x81, 0x04])
    expect(sniffAudioFormat(webm)).toBe('webm')
    expect(sniffAudioFormat(bytes([0, 0, 0, 0x1c], 'ftyp', 'M4A ', [0, 0, 0, 0], 'M4A ', 'mp42', 'isom', [0, 0, 0, 8], 'free'))).toBe('m4a')
    expect(sniffAudioFormat(bytes([0, 0, 0, 0x18], 'ftyp', 'iso5', [0, 0, 2, 0], 'iso5', 'iso6', [0, 0, 0, 8], 'free'))).toBe('m4a')
  })

  it('refuses what is not audio a browser plays, whatever it would be called', () => {
    expect(sniffAudioFormat(bytes('<!doctype html><script>alert(1)</script>'))).toBeNull()
    expect(sniffAudioFormat(bytes('This is not a sound at all.'))).toBeNull()
    expect(sniffAudioFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 0x0d], 'IHDR'))).toBeNull()
    expect(sniffAudioFormat(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0, 1, 1, 0]))).toBeNull()
    expect(sniffAudioFormat(bytes('RIFF', le32(4), 'WEBP', 'VP8 '))).toBeNull() // RIFF, but a picture
    expect(sniffAudioFormat(bytes([0xff, 0xf1, 0x50, 0x80], new Array(12).fill(0)))).toBeNull() // AAC ADTS: layer bits 00
    expect(sniffAudioFormat(bytes([0xff, 0xfb, 0xf0, 0x64], new Array(12).fill(0)))).toBeNull() // bad bitrate index
    expect(sniffAudioFormat(new Uint8Array([...id3(20), ...bytes('not a frame at all')]))).toBeNull()
    expect(sniffAudioFormat(oggPage([0x80, ...[...'theora'].map((c) => c.charCodeAt(0)), 3, 2, 1, 0, 0]))).toBeNull() // Ogg video
    const matroska = bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3], [0x42, 0x86, 0x81, 0x01], [0x42, 0x82, 0x88], 'matroska', [0x42, 0x87, 0x81, 0x04])
    expect(sniffAudioFormat(matroska)).toBeNull()
    expect(sniffAudioFormat(bytes([0, 0, 0, 0x14], 'ftyp', 'qt  ', [0, 0, 0, 0], 'qt  '))).toBeNull() // QuickTime movie
    expect(sniffAudioFormat(bytes('RIFF'))).toBeNull() // too short to tell
  })
})

describe('checkAudioUpload', () => {
  it('says why a file is refused', () => {
    expect(checkAudioUpload(null)).toEqual({ ok: false, reason: 'noFile' })
    expect(checkAudioUpload(new Uint8Array(0))).toEqual({ ok: false, reason: 'noFile' })
    expect(checkAudioUpload(bytes('hello, this is text'))).toEqual({ ok: false, reason: 'notAudio' })
    const big = new Uint8Array(MAX_AUDIO_BYTES + 1)
    big.set(wav())
    expect(checkAudioUpload(big)).toEqual({ ok: false, reason: 'tooBig' })
    const justFits = new Uint8Array(MAX_AUDIO_BYTES)
    justFits.set(wav())
    expect(checkAudioUpload(justFits)).toEqual({ ok: true, format: 'wav' })
  })
})

describe('clip paths', () => {
  const id = '0f8e2a4c-1b2d-4e5f-8a9b-0c1d2e3f4a5b'
  it('makes a same-site path the participant page accepts, and reads it back', () => {
    const path = audioClipPath(id, 'opus')
    expect(path).toBe(`/audio/${id}.opus`)
    expect(audioClipSource(path)).toBe(path)
    expect(parseAudioClipFile(`${id}.opus`)).toEqual({ id, format: 'opus' })
    expect(uploadedClipId(path)).toBe(id)
  })
  it('refuses anything else', () => {
    expect(parseAudioClipFile(undefined)).toBeNull()
    expect(parseAudioClipFile(`${id}.html`)).toBeNull()
    expect(parseAudioClipFile(`../${id}.mp3`)).toBeNull()
    expect(parseAudioClipFile(`${id.toUpperCase()}.mp3`)).toBeNull()
    expect(uploadedClipId('/media/welcome.mp3')).toBeNull()
    expect(uploadedClipId(null)).toBeNull()
  })
})
