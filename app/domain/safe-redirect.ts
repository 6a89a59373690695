/** Only same-site paths: "/x" yes; "//evil.example", "https://…", "/\\evil" no. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (/[\u0000-\u001F]/.test(value)) return fallback
  return value
}
