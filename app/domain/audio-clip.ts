// A question's recorded audio clip: a path on this app (the upload route comes with the staff
// issue; until then a file under public/). Never another site: no third-party requests.

const AUDIO_PATH = /^\/(?!\/)[A-Za-z0-9._~\-/]+\.(mp3|m4a|ogg|oga|opus|wav|webm)$/i

/** The clip's path when it is a plain same-site path to an audio file, else null. */
export function audioClipSource(path: string | null | undefined): string | null {
  if (!path) return null
  const trimmed = path.trim()
  if (!AUDIO_PATH.test(trimmed) || trimmed.split('/').some((part) => part === '..' || part === '.')) return null
  return trimmed
}
