// What an uploaded image is, by its first bytes. No dependencies: the participant's story page uses
// the limits next to it, and this must not pull a validation library into the browser's JavaScript.
export const acceptedFormats = ['png', 'jpeg', 'webp'] as const
export type AcceptedFormat = (typeof acceptedFormats)[number]

export type SniffedType = AcceptedFormat | 'gif' | 'svg' | 'unknown'

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/**
 * What a file is by its first bytes, whatever its name or the type the browser sent: PNG, JPEG and
 * WebP by their signatures; GIF; SVG (or any XML) by text that opens with `<`. Anything else is unknown.
 */
export function sniffImageType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif'
  // Text: skip a byte-order mark and white space, then look for markup naming an SVG.
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (head.startsWith('<') && /<svg[\s>]/i.test(head)) return 'svg'
  return 'unknown'
}
