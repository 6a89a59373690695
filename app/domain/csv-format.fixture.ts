// A small survey with one question of each kind, for the CSV format tests.
import type { SurveyQuestion } from './survey'

const option = (q: string, key: string) => ({ id: `${q}-${key}`, key, label: key.toUpperCase(), symbol: null })
const base = { required: false, prompt: 'Prompt', hint: null, symbol: null }

export const questions: SurveyQuestion[] = [
  { ...base, id: 'q-groups', key: 'groups', position: 1, type: 'multi', config: { maxChoices: 2 }, options: ['a', 'b', 'c'].map((k) => option('q-groups', k)) },
  { ...base, id: 'q-top', key: 'top', position: 2, type: 'ranking', config: { rankCount: 2 }, options: ['x', 'y', 'z'].map((k) => option('q-top', k)) },
  { ...base, id: 'q-safe', key: 'safe', position: 3, type: 'scale', config: { style: 'emoji' }, options: ['happy', 'ok', 'sad'].map((k) => option('q-safe', k)) },
  { ...base, id: 'q-words', key: 'words', position: 4, type: 'text', config: { maxLength: 20 }, options: [] },
  { ...base, id: 'q-age', key: 'age', position: 5, type: 'demographic', config: { field: 'ageBand' }, options: ['age-8-10', 'age-11-13'].map((k) => option('q-age', k)) },
  { ...base, id: 'q-must', key: 'must', position: 6, type: 'single', required: true, config: {}, options: ['yes', 'no'].map((k) => option('q-must', k)) },
]
