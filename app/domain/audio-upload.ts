// A question's recorded clip, as uploaded by staff: which kind of audio the bytes are (found from the
// file's first bytes, never its name or the browser's Content-Type), how big it may be, and the
// path it is served at (/audio/<id>.<format>, which app/domain/audio-clip.ts accepts).

export const audioFormats = ['mp3', 'm4a', 'ogg', 'opus', 'wav', 'webm'] as const
export type AudioFormat = (typeof audioFormats)[number]

/** 5 MB: a minute of speech is well under 1 MB as mp3, m4a or opus. */
export const MAX_AUDIO_MB = 5
export const MAX_AUDIO_BYTES = MAX_AUDIO_MB * 1024 * 1024

export const audioContentTypes: Record<AudioFormat, string> = {
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  ogg: 'audio/ogg',
  opus: 'audio/ogg; codecs=opus',
  wav: 'audio/wav',
  webm: 'audio/webm',
}

/** Why a file was refused (locales/<lng>/staffadmin.json audio.errors). */
export type AudioRefusal = 'noFile' | 'tooBig' | 'notAudio'

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length))

/** An MPEG audio layer III frame header (the start of an mp3 frame) at `at`. */
function mp3FrameAt(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false
  const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]]
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false // 11 sync bits
  if (((b1 >> 3) & 0x03) === 0x01) return false // reserved MPEG version
  if (((b1 >> 1) & 0x03) !== 0x01) return false // layer III only (AAC's ADTS says layer 0)
  const bitrate = b2 >> 4
  const sampleRate = (b2 >> 2) & 0x03
  return bitrate !== 0x0f && bitrate !== 0x00 && sampleRate !== 0x03
}

/** The four-character brands of an ISO media file's leading ftyp box (major brand first), or null. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return null
  const size = Math.min(((bytes[0] << 24) >>> 0) + (bytes[1] << 16) + (bytes[2] << 8) + bytes[3], bytes.length)
  if (size < 16) return null
  const brands = [ascii(bytes, 8, 4)]
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, 4))
  return brands
}
/** Audio-only MPEG-4 brands (Apple's voice memos, most recorders) and the general ones recorders also write. */
const M4A_BRANDS = ['M4A ', 'M4B ']
const GENERAL_MP4_BRANDS = ['isom', 'iso2', 'iso5', 'iso6', 'mp41', 'mp42', 'dash']

/**
 * What kind of audio these bytes are, from their first bytes only, or null when they are not one of
 * the formats browsers play: mp3 (an ID3 tag then a frame, or a frame), MPEG-4 audio (ftyp box),
 * Ogg with Vorbis or Opus in its first page, WAV (RIFF…WAVE) and WebM (EBML with doctype webm).
 */
export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (bytes.length < 12) return null
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return 'wav'
  if (ascii(bytes, 0, 4) === 'OggS') {
    if (bytes.length < 28) return null
    const payload = 27 + bytes[26] // the page header, then its segment table
    if (ascii(bytes, payload, 8) === 'OpusHead') return 'opus'
    if (bytes[payload] === 0x01 && ascii(bytes, payload + 1, 6) === 'vorbis') return 'ogg'
    return null // Ogg carrying video (Theora) or something else
  }
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
    // EBML: the DocType element (0x42 0x82) says webm or matroska
    const head = bytes.subarray(0, Math.min(bytes.length, 64))
    for (let at = 4; at + 7 <= head.length; at++) {
      if (head[at] === 0x42 && head[at + 1] === 0x82) return ascii(head, at + 3, 4) === 'webm' ? 'webm' : null
    }
    return null
  }
  const brands = ftypBrands(bytes)
  if (brands) return brands.some((b) => M4A_BRANDS.includes(b)) || GENERAL_MP4_BRANDS.includes(brands[0]) ? 'm4a' : null
  if (ascii(bytes, 0, 3) === 'ID3') {
    // ID3v2: 10-byte header, then a "syncsafe" size (7 bits a byte); the first frame comes after it
    if (bytes.length < 10 || [6, 7, 8, 9].some((i) => bytes[i] & 0x80)) return null
    const footer = bytes[5] & 0x10 ? 10 : 0
    const end = 10 + footer + ((bytes[6] << 21) | (bytes[7] << 14) | (bytes[8] << 7) | bytes[9])
    return mp3FrameAt(bytes, end) ? 'mp3' : null
  }
  return mp3FrameAt(bytes, 0) ? 'mp3' : null
}

/** What is wrong with an upload before it is stored, or its format. */
export function checkAudioUpload(bytes: Uint8Array | null): { ok: true; format: AudioFormat } | { ok: false; reason: AudioRefusal } {
  if (!bytes || bytes.length === 0) return { ok: false, reason: 'noFile' }
  if (bytes.length > MAX_AUDIO_BYTES) return { ok: false, reason: 'tooBig' }
  const format = sniffAudioFormat(bytes)
  return format ? { ok: true, format } : { ok: false, reason: 'notAudio' }
}

const CLIP_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(mp3|m4a|ogg|opus|wav|webm)$/

/** The path a clip is served at. */
export function audioClipPath(id: string, format: AudioFormat): string {
  return `/audio/${id}.${format}`
}

/** The clip id and format named by /audio/:file, or null. */
export function parseAudioClipFile(file: string | undefined): { id: string; format: AudioFormat } | null {
  const match = file ? CLIP_FILE.exec(file) : null
  return match ? { id: match[1], format: match[2] as AudioFormat } : null
}

/** The clip id of a question's audio path when it is an uploaded clip (not a file under public/), else null. */
export function uploadedClipId(path: string | null | undefined): string | null {
  if (!path?.startsWith('/audio/')) return null
  return parseAudioClipFile(path.slice('/audio/'.length))?.id ?? null
}
