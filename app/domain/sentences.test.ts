import { describe, expect, it } from 'vitest'
import { splitSentences } from './sentences'

describe('splitSentences', () => {
  it('splits on full stops, question marks and exclamation marks followed by a space', () => {
    expect(splitSentences('Put these in order. What matters most to you?')).toEqual(['Put these in order.', 'What matters most to you?'])
    expect(splitSentences('Well done! You finished. Thank you.')).toEqual(['Well done!', 'You finished.', 'Thank you.'])
    expect(splitSentences("Rho'r rhain mewn trefn. Beth sydd bwysicaf i ti?")).toEqual(["Rho'r rhain mewn trefn.", 'Beth sydd bwysicaf i ti?'])
  })

  it('leaves one sentence alone, and gives nothing for empty text', () => {
    expect(splitSentences('Less bullying')).toEqual(['Less bullying'])
    expect(splitSentences('How safe do you feel where you live?')).toEqual(['How safe do you feel where you live?'])
    expect(splitSentences('')).toEqual([])
    expect(splitSentences('   ')).toEqual([])
  })

  it('keeps closing quotes and brackets with their sentence, and runs of marks together', () => {
    expect(splitSentences('Press "I don\'t want to say." Then go on.')).toEqual(['Press "I don\'t want to say."', 'Then go on.'])
    expect(splitSentences('Really?! Yes (really.) Ok.')).toEqual(['Really?!', 'Yes (really.)', 'Ok.'])
    expect(splitSentences('Wait… Now go.')).toEqual(['Wait…', 'Now go.'])
  })

  it('does not split abbreviations, numbers, or before a lower-case word', () => {
    expect(splitSentences('Places to go, e.g. parks. Also clubs.')).toEqual(['Places to go, e.g. parks.', 'Also clubs.'])
    expect(splitSentences('Talk to Dr. Jones. She can help.')).toEqual(['Talk to Dr. Jones.', 'She can help.'])
    expect(splitSentences('It costs 1.50 a day. That is a lot.')).toEqual(['It costs 1.50 a day.', 'That is a lot.'])
    expect(splitSentences('Call 0800 1111. it is free.')).toEqual(['Call 0800 1111. it is free.'])
  })

  it('splits after a number or a word in another script when a sentence follows', () => {
    expect(splitSentences('You have 3 questions. Start now.')).toEqual(['You have 3 questions.', 'Start now.'])
    expect(splitSentences('ما رأيك؟ أخبرنا.')).toEqual(['ما رأيك؟', 'أخبرنا.'])
  })

  it('treats a line break as the end of a sentence', () => {
    expect(splitSentences('First line\nSecond line.\r\n\nThird')).toEqual(['First line', 'Second line.', 'Third'])
  })
})
