import { describe, expect, it } from 'vitest'
import type { Answer } from './answers'
import { answerInWords, answersInWords } from './answer-summary'
import type { Survey, SurveyQuestion } from './survey'

const options = (labels: Record<string, string>) => Object.entries(labels).map(([key, label]) => ({ id: `o-${key}`, key, label, symbol: null }))
const base = { position: 1, required: false, hint: null, symbol: null }

const groups: SurveyQuestion = { ...base, id: 'q1', key: 'groups', prompt: 'Who needs help?', type: 'multi', config: {}, options: options({ care: 'Children in care', carers: 'Young carers', bullied: 'Bullied children' }) }
const ranking: SurveyQuestion = { ...base, id: 'q2', key: 'top', prompt: 'Put these in order', type: 'ranking', config: {}, options: options({ parks: 'Parks', buses: 'Buses', clubs: 'Clubs' }) }
const face: SurveyQuestion = { ...base, id: 'q3', key: 'safe', prompt: 'How safe do you feel?', type: 'scale', config: { style: 'emoji' }, options: options({ safe: 'Safe', sometimes: 'Sometimes', unsafe: 'Not safe' }) }
const words: SurveyQuestion = { ...base, id: 'q4', key: 'change', prompt: 'One change?', type: 'text', config: { maxLength: 500 }, options: [] }
const gender: SurveyQuestion = {
  ...base,
  id: 'q5',
  key: 'gender',
  prompt: 'Are you…',
  type: 'demographic',
  config: { field: 'gender' },
  options: options({ girl: 'A girl', boy: 'A boy', 'self-describe': 'I describe myself another way' }),
}

describe('answerInWords', () => {
  it('shows the labels of the options chosen, in the order the question lists them', () => {
    expect(answerInWords(groups, { kind: 'choice', optionKeys: ['carers', 'care'] })).toEqual({ kind: 'choices', labels: ['Young carers', 'Children in care'] })
    expect(answerInWords(face, { kind: 'choice', optionKeys: ['sometimes'] })).toEqual({ kind: 'choices', labels: ['Sometimes'] })
  })

  it('shows a ranking from number 1 down', () => {
    expect(answerInWords(ranking, { kind: 'ranking', order: ['clubs', 'parks', 'buses'] })).toEqual({ kind: 'ranking', labels: ['Clubs', 'Parks', 'Buses'] })
  })

  it('shows written words as they were written', () => {
    expect(answerInWords(words, { kind: 'text', text: 'More buses\non Sundays' })).toEqual({ kind: 'text', text: 'More buses\non Sundays' })
  })

  it('tells "I don\'t want to say" apart from a question never answered', () => {
    expect(answerInWords(groups, { kind: 'skipped' })).toEqual({ kind: 'skipped' })
    expect(answerInWords(groups, null)).toEqual({ kind: 'none' })
    expect(answerInWords(groups, undefined)).toEqual({ kind: 'none' })
  })

  it('adds the own words of a self-described demographic answer, and only for that option', () => {
    expect(answerInWords(gender, { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'Gender-fluid' })).toEqual({
      kind: 'choices',
      labels: ['I describe myself another way'],
      ownWords: 'Gender-fluid',
    })
    expect(answerInWords(gender, { kind: 'choice', optionKeys: ['self-describe'] })).toEqual({ kind: 'choices', labels: ['I describe myself another way'] })
    expect(answerInWords(gender, { kind: 'choice', optionKeys: ['girl'], selfDescribed: 'left over' })).toEqual({ kind: 'choices', labels: ['A girl'] })
  })

  it('leaves out an option that no longer exists instead of showing its key', () => {
    expect(answerInWords(groups, { kind: 'choice', optionKeys: ['care', 'removed'] })).toEqual({ kind: 'choices', labels: ['Children in care'] })
    expect(answerInWords(ranking, { kind: 'ranking', order: ['gone', 'buses'] })).toEqual({ kind: 'ranking', labels: ['Buses'] })
  })
})

describe('answersInWords', () => {
  it('lists every question in survey order with its prompt', () => {
    const survey: Survey = { title: 'T', description: null, questions: [groups, ranking, face, words] }
    const answers = new Map<string, Answer>([
      ['change', { kind: 'skipped' }],
      ['groups', { kind: 'choice', optionKeys: ['bullied'] }],
      ['top', { kind: 'ranking', order: ['buses', 'clubs', 'parks'] }],
    ])
    expect(answersInWords(survey, answers)).toEqual([
      { key: 'groups', prompt: 'Who needs help?', answer: { kind: 'choices', labels: ['Bullied children'] } },
      { key: 'top', prompt: 'Put these in order', answer: { kind: 'ranking', labels: ['Buses', 'Clubs', 'Parks'] } },
      { key: 'safe', prompt: 'How safe do you feel?', answer: { kind: 'none' } },
      { key: 'change', prompt: 'One change?', answer: { kind: 'skipped' } },
    ])
  })
})
