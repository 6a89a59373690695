// A second demo consultation, "Try every kind of question" (/c/every-question): one question of
// each type the platform has, in English and Welsh, with an Easy Read prompt for every question
// and an OpenMoji symbol (CC BY-SA 4.0, `openmoji:<hexcode>`, see node_modules/openmoji/data)
// on every question and option. No made-up responses: its results show only what people answer.
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

type Texts = { en: string; cy: string; enEasy?: string; cyEasy?: string }

export interface ShowcaseOption {
  key: string
  label: Texts
  symbol: string
}

export interface ShowcaseQuestion {
  key: string
  type: 'single' | 'multi' | 'ranking' | 'scale' | 'text' | 'demographic' | 'consent'
  config: Record<string, unknown>
  /** Every prompt has an Easy Read version in both languages. */
  prompt: Required<Texts>
  hint?: Texts
  symbol: string
  options: ShowcaseOption[]
}

export const EVERY_QUESTION_SLUG = 'every-question'
const CONSULTATION = 'every-question-consultation'

export const everyQuestionConsultation = {
  slug: EVERY_QUESTION_SLUG,
  title: { en: 'Try every kind of question', cy: 'Rho gynnig ar bob math o gwestiwn' },
  description: {
    en: 'This is an example. It shows every kind of question we can ask. It takes about 5 minutes.',
    cy: "Enghraifft yw hon. Mae'n dangos pob math o gwestiwn y gallwn ni ei ofyn. Mae'n cymryd tua 5 munud.",
  },
}

const om = (hexcode: string) => `openmoji:${hexcode}`

export const everyQuestionQuestions: ShowcaseQuestion[] = [
  {
    key: 'travel',
    type: 'single',
    config: {},
    prompt: {
      en: 'How do you get to school or college on most days?',
      cy: "Sut wyt ti'n mynd i'r ysgol neu'r coleg ar y rhan fwyaf o ddyddiau?",
      enEasy: 'How do you get to school?',
      cyEasy: "Sut wyt ti'n mynd i'r ysgol?",
    },
    symbol: om('1F3EB'), // school
    options: [
      { key: 'walk', label: { en: 'I walk', cy: "Dw i'n cerdded" }, symbol: om('1F6B6') }, // person walking
      { key: 'bus', label: { en: 'By bus', cy: 'Ar y bws' }, symbol: om('1F68C') }, // bus
      { key: 'car', label: { en: 'By car', cy: 'Yn y car' }, symbol: om('1F697') }, // automobile
      { key: 'bike', label: { en: 'By bike or scooter', cy: 'Ar feic neu sgwter' }, symbol: om('1F6B2') }, // bicycle
    ],
  },
  {
    key: 'after-school',
    type: 'multi',
    config: {},
    prompt: {
      en: 'What do you like doing after school?',
      cy: "Beth wyt ti'n hoffi ei wneud ar ôl ysgol?",
      enEasy: 'What do you like to do?',
      cyEasy: "Beth wyt ti'n hoffi ei wneud?",
    },
    symbol: om('1F60A'), // smiling face with smiling eyes
    options: [
      { key: 'sport', label: { en: 'Sport', cy: 'Chwaraeon' }, symbol: om('26BD') }, // soccer ball
      { key: 'games', label: { en: 'Video games', cy: 'Gemau fideo' }, symbol: om('1F3AE') }, // video game
      { key: 'reading', label: { en: 'Reading', cy: 'Darllen' }, symbol: om('1F4DA') }, // books
      { key: 'music', label: { en: 'Music', cy: 'Cerddoriaeth' }, symbol: om('1F3B5') }, // musical note
      { key: 'art', label: { en: 'Drawing and making things', cy: 'Tynnu lluniau a gwneud pethau' }, symbol: om('1F3A8') }, // artist palette
    ],
  },
  {
    key: 'more-of',
    type: 'multi',
    config: { maxChoices: 3 },
    prompt: {
      en: 'What would you like more of where you live?',
      cy: "Beth hoffet ti gael mwy ohono lle rwyt ti'n byw?",
      enEasy: 'What should there be more of near you?',
      cyEasy: 'Beth ddylai fod mwy ohono yn agos atat ti?',
    },
    symbol: om('1F3D8'), // houses
    options: [
      { key: 'parks', label: { en: 'Parks and green spaces', cy: 'Parciau a mannau gwyrdd' }, symbol: om('1F333') }, // deciduous tree
      { key: 'youth-clubs', label: { en: 'Youth clubs', cy: 'Clybiau ieuenctid' }, symbol: om('1F91D') }, // handshake
      { key: 'sports', label: { en: 'Places to play sport', cy: 'Lleoedd i chwarae chwaraeon' }, symbol: om('1F3C0') }, // basketball
      { key: 'buses', label: { en: 'Buses', cy: 'Bysiau' }, symbol: om('1F68D') }, // oncoming bus
      { key: 'libraries', label: { en: 'Libraries', cy: 'Llyfrgelloedd' }, symbol: om('1F4D6') }, // open book
      { key: 'events', label: { en: 'Fun days and events', cy: 'Diwrnodau hwyl a digwyddiadau' }, symbol: om('1F3AA') }, // circus tent
    ],
  },
  {
    key: 'what-matters',
    type: 'ranking',
    config: {},
    prompt: {
      en: 'Put these in order. Which matters most to you?',
      cy: "Rho'r rhain mewn trefn. Pa un sydd bwysicaf i ti?",
      enEasy: 'What is most important to you?',
      cyEasy: 'Beth sydd bwysicaf i ti?',
    },
    symbol: om('2B50'), // star
    options: [
      { key: 'friends', label: { en: 'Friends', cy: 'Ffrindiau' }, symbol: om('1F46B') }, // woman and man holding hands
      { key: 'family', label: { en: 'Family', cy: 'Teulu' }, symbol: om('1F46A') }, // family
      { key: 'school', label: { en: 'School', cy: 'Ysgol' }, symbol: om('1F3EB') }, // school
      { key: 'health', label: { en: 'Being healthy', cy: 'Bod yn iach' }, symbol: om('2764') }, // red heart
    ],
  },
  {
    key: 'park-ideas',
    type: 'ranking',
    config: { rankCount: 3 },
    prompt: {
      en: 'We are making a new park. Which 3 ideas do you like best?',
      cy: "Rydyn ni'n gwneud parc newydd. Pa 3 syniad wyt ti'n eu hoffi orau?",
      enEasy: 'What should the new park have?',
      cyEasy: "Beth ddylai fod yn y parc newydd?",
    },
    symbol: om('1F3DE'), // national park
    options: [
      { key: 'slides', label: { en: 'Slides and swings', cy: 'Llithrennau a siglenni' }, symbol: om('1F6DD') }, // playground slide
      { key: 'skate-park', label: { en: 'A skate park', cy: 'Parc sglefrio' }, symbol: om('1F6F9') }, // skateboard
      { key: 'football', label: { en: 'A football pitch', cy: 'Cae pêl-droed' }, symbol: om('26BD') }, // soccer ball
      { key: 'benches', label: { en: 'Benches to sit on', cy: 'Meinciau i eistedd arnyn nhw' }, symbol: om('1FA91') }, // chair
      { key: 'toilets', label: { en: 'Toilets', cy: 'Toiledau' }, symbol: om('1F6BD') }, // toilet
      { key: 'lights', label: { en: 'Lights, so it is safe after dark', cy: "Goleuadau, fel ei fod yn ddiogel ar ôl iddi dywyllu" }, symbol: om('1F4A1') }, // light bulb
    ],
  },
  {
    key: 'like-school',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: { en: 'Do you like your school?', cy: "Wyt ti'n hoffi dy ysgol?", enEasy: 'Is school good?', cyEasy: "Ydy'r ysgol yn dda?" },
    symbol: om('1F392'), // backpack
    options: [
      { key: 'yes', label: { en: 'Yes', cy: 'Ydw' }, symbol: om('1F600') }, // grinning face
      { key: 'no', label: { en: 'No', cy: 'Nac ydw' }, symbol: om('1F641') }, // slightly frowning face
    ],
  },
  {
    key: 'school-going',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: { en: 'How is school going for you?', cy: "Sut mae'r ysgol yn mynd i ti?", enEasy: 'How is school?', cyEasy: "Sut mae'r ysgol?" },
    symbol: om('1F3EB'), // school
    options: [
      { key: 'going-well', label: { en: 'Going well', cy: 'Mynd yn dda' }, symbol: om('1F600') }, // grinning face
      { key: 'sometimes', label: { en: 'Sometimes', cy: 'Weithiau' }, symbol: om('1F610') }, // neutral face
      { key: 'not-going-well', label: { en: 'Not going well', cy: 'Ddim yn mynd yn dda' }, symbol: om('1F641') }, // slightly frowning face
    ],
  },
  {
    key: 'feel-most-days',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: {
      en: 'How do you feel on most days?',
      cy: "Sut wyt ti'n teimlo ar y rhan fwyaf o ddyddiau?",
      enEasy: 'How do you feel?',
      cyEasy: "Sut wyt ti'n teimlo?",
    },
    symbol: om('1F914'), // thinking face
    options: [
      { key: 'very-happy', label: { en: 'Very happy', cy: 'Hapus iawn' }, symbol: om('1F601') }, // beaming face
      { key: 'happy', label: { en: 'Happy', cy: 'Hapus' }, symbol: om('1F642') }, // slightly smiling face
      { key: 'okay', label: { en: 'Okay', cy: 'Iawn' }, symbol: om('1F610') }, // neutral face
      { key: 'sad', label: { en: 'Sad', cy: 'Trist' }, symbol: om('1F641') }, // slightly frowning face
      { key: 'very-sad', label: { en: 'Very sad', cy: 'Trist iawn' }, symbol: om('1F622') }, // crying face
    ],
  },
  {
    key: 'better-day',
    type: 'text',
    config: { maxLength: 300 },
    prompt: {
      en: 'What would make your day better?',
      cy: "Beth fyddai'n gwneud dy ddiwrnod yn well?",
      enEasy: 'What would help you have a good day?',
      cyEasy: "Beth fyddai'n dy helpu di i gael diwrnod da?",
    },
    hint: { en: 'Do not write your name.', cy: 'Paid ag ysgrifennu dy enw.' },
    symbol: om('270F'), // pencil
    options: [],
  },
  {
    key: 'quote-consent',
    type: 'consent',
    config: { purpose: 'quote' },
    prompt: {
      en: 'Can we use your words in our report?',
      cy: 'Gawn ni ddefnyddio dy eiriau yn ein hadroddiad?',
      enEasy: 'Can we share what you wrote?',
      cyEasy: 'Gawn ni rannu beth ysgrifennaist ti?',
    },
    symbol: om('1F4AC'), // speech balloon
    options: [
      { key: 'yes', label: { en: 'Yes, you can use my words', cy: 'Cewch, gallwch chi ddefnyddio fy ngeiriau' }, symbol: om('2705') }, // check mark button
      { key: 'no', label: { en: 'No, do not use my words', cy: 'Na chewch, peidiwch â defnyddio fy ngeiriau' }, symbol: om('274C') }, // cross mark
    ],
  },
  {
    key: 'age-band',
    type: 'demographic',
    config: { field: 'ageBand' },
    prompt: { en: 'How old are you?', cy: 'Faint yw dy oed di?', enEasy: 'How old are you? Choose your age group.', cyEasy: 'Faint yw dy oed di? Dewis dy grŵp oed.' },
    symbol: om('1F382'), // birthday cake
    options: [
      { key: 'age-under-8', label: { en: 'Under 8', cy: 'O dan 8' }, symbol: om('1F9F8') }, // teddy bear
      { key: 'age-8-10', label: { en: '8 to 10', cy: '8 i 10' }, symbol: om('1F392') }, // backpack
      { key: 'age-11-13', label: { en: '11 to 13', cy: '11 i 13' }, symbol: om('1F6F9') }, // skateboard
      { key: 'age-14-16', label: { en: '14 to 16', cy: '14 i 16' }, symbol: om('1F4F1') }, // mobile phone
      { key: 'age-17-19', label: { en: '17 to 19', cy: '17 i 19' }, symbol: om('1F393') }, // graduation cap
      { key: 'age-20-25', label: { en: '20 to 25', cy: '20 i 25' }, symbol: om('1F9D1') }, // person
    ],
  },
  {
    key: 'gender',
    type: 'demographic',
    config: { field: 'gender' },
    prompt: { en: 'Which of these describes you?', cy: "Pa un o'r rhain sy'n dy ddisgrifio di?", enEasy: 'Which of these is you?', cyEasy: "Pa un o'r rhain wyt ti?" },
    symbol: om('1F9D1-200D-1F91D-200D-1F9D1'), // people holding hands
    options: [
      { key: 'girl', label: { en: 'Girl', cy: 'Merch' }, symbol: om('1F467') }, // girl
      { key: 'boy', label: { en: 'Boy', cy: 'Bachgen' }, symbol: om('1F466') }, // boy
      { key: 'non-binary', label: { en: 'Non-binary', cy: 'Anneuaidd' }, symbol: om('1F9D1') }, // person
      // The self-describe option key (app/domain/demographics.ts) brings a box for the child's own words.
      { key: 'self-describe', label: { en: 'I describe myself another way', cy: "Dw i'n disgrifio fy hun mewn ffordd arall" }, symbol: om('1F4AC') }, // speech balloon
    ],
  },
  {
    key: 'area',
    type: 'demographic',
    config: { field: 'area' },
    prompt: { en: 'Which part of town do you live in?', cy: "Ym mha ran o'r dref wyt ti'n byw?", enEasy: 'Where do you live?', cyEasy: "Ble rwyt ti'n byw?" },
    symbol: om('1F4CD'), // round pushpin
    options: [
      { key: 'riverside', label: { en: 'Riverside', cy: 'Glan yr Afon' }, symbol: om('1F30A') }, // water wave
      { key: 'hillside', label: { en: 'Hillside', cy: 'Ochr y Bryn' }, symbol: om('26F0') }, // mountain
      { key: 'town-centre', label: { en: 'Town centre', cy: 'Canol y dref' }, symbol: om('1F3D9') }, // cityscape
      { key: 'northfield', label: { en: 'Northfield', cy: 'Maes y Gogledd' }, symbol: om('1F9ED') }, // compass
      { key: 'somewhere-else', label: { en: 'Somewhere else', cy: 'Rhywle arall' }, symbol: om('1F5FA') }, // world map
    ],
  },
  {
    key: 'in-care',
    type: 'demographic',
    config: { field: 'inCare' },
    prompt: { en: 'Are you in care?', cy: 'Wyt ti mewn gofal?', enEasy: 'Does the council look after you?', cyEasy: "Ydy'r cyngor yn gofalu amdanat ti?" },
    hint: {
      en: "This means the council looks after you. For example, you live with foster carers or in a children's home.",
      cy: "Mae hyn yn golygu bod y cyngor yn gofalu amdanat ti. Er enghraifft, rwyt ti'n byw gyda gofalwyr maeth neu mewn cartref plant.",
    },
    symbol: om('1F3E1'), // house with garden
    options: [
      { key: 'yes', label: { en: 'Yes', cy: 'Ydw' }, symbol: om('2705') }, // check mark button
      { key: 'no', label: { en: 'No', cy: 'Nac ydw' }, symbol: om('274C') }, // cross mark
      { key: 'not-sure', label: { en: "I'm not sure", cy: "Dw i ddim yn siŵr" }, symbol: om('2753') }, // question mark
    ],
  },
]

/**
 * Adds the consultation to the demo organisation. Returns false when it is already there, so the
 * seed stays safe to run again (and adds it to a database seeded before it existed).
 */
export async function seedEveryQuestion(db: Kysely<Database>, organisationId: string): Promise<boolean> {
  const existing = await db.selectFrom('consultation').select('id').where('slug', '=', EVERY_QUESTION_SLUG).executeTakeFirst()
  if (existing) return false
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultation')
      .values({ id: CONSULTATION, organisation_id: organisationId, slug: EVERY_QUESTION_SLUG, status: 'open', default_locale: 'en', anonymity: 'anonymous', lawful_basis: 'public_task', retention_days: 730, symbol_mode_default: 0, created_at: now, updated_at: now })
      .execute()
    const texts: Database['translation'][] = []
    const addTexts = (entityType: Database['translation']['entity_type'], entityId: string, field: string, t: Texts) => {
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'en', register: 'plain', value: t.en })
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'cy', register: 'plain', value: t.cy })
      if (t.enEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'en', register: 'easy', value: t.enEasy })
      if (t.cyEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'cy', register: 'easy', value: t.cyEasy })
    }
    addTexts('consultation', CONSULTATION, 'title', everyQuestionConsultation.title)
    addTexts('consultation', CONSULTATION, 'description', everyQuestionConsultation.description)
    for (const [index, q] of everyQuestionQuestions.entries()) {
      const questionId = `eq-${q.key}`
      await trx
        .insertInto('question')
        .values({ id: questionId, consultation_id: CONSULTATION, position: index + 1, key: q.key, type: q.type, required: 0, config: JSON.stringify(q.config), symbol: q.symbol })
        .execute()
      addTexts('question', questionId, 'prompt', q.prompt)
      if (q.hint) addTexts('question', questionId, 'hint', q.hint)
      if (q.options.length) {
        await trx
          .insertInto('option')
          .values(q.options.map((o, position) => ({ id: `${questionId}.${o.key}`, question_id: questionId, position: position + 1, key: o.key, symbol: o.symbol })))
          .execute()
      }
      for (const o of q.options) addTexts('option', `${questionId}.${o.key}`, 'label', o.label)
    }
    await trx.insertInto('translation').values(texts).execute()
  })
  return true
}
