/** The 1-based position of the first question with no saved answer (or the last one if all are answered). */
export function firstUnanswered(questionKeys: string[], answered: { has(key: string): boolean }): number {
  const index = questionKeys.findIndex((key) => !answered.has(key))
  return index === -1 ? Math.max(questionKeys.length, 1) : index + 1
}

/** Parses a page position from the URL; null when it is not a question of this survey. */
export function parsePosition(raw: string | undefined, questionCount: number): number | null {
  if (!raw || !/^[1-9]\d{0,3}$/.test(raw)) return null
  const position = Number(raw)
  return position <= questionCount ? position : null
}
