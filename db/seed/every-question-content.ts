// A second demo consultation, "Try every kind of question" (/c/every-question): one question of
// each type the platform has, in English, Welsh and Arabic, with an Easy Read prompt for every question
// and an OpenMoji symbol (CC BY-SA 4.0, `openmoji:<hexcode>`, see node_modules/openmoji/data)
// on every question and option. No made-up responses: its results show only what people answer.
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

type Texts = { en: string; cy: string; ar: string; enEasy?: string; cyEasy?: string; arEasy?: string }

export interface ShowcaseOption {
  key: string
  label: Texts
  symbol: string
}

export interface ShowcaseQuestion {
  key: string
  type: 'single' | 'multi' | 'ranking' | 'scale' | 'text' | 'demographic' | 'consent'
  config: Record<string, unknown>
  /** Every prompt has an Easy Read version in every language. */
  prompt: Required<Texts>
  hint?: Texts
  symbol: string
  options: ShowcaseOption[]
}

export const EVERY_QUESTION_SLUG = 'every-question'
const CONSULTATION = 'every-question-consultation'

export const everyQuestionConsultation = {
  slug: EVERY_QUESTION_SLUG,
  title: { en: 'Try every kind of question', cy: 'Rho gynnig ar bob math o gwestiwn', ar: 'جرّب كل أنواع الأسئلة' },
  description: {
    en: 'This is an example. It shows every kind of question we can ask. It takes about 5 minutes.',
    cy: "Enghraifft yw hon. Mae'n dangos pob math o gwestiwn y gallwn ni ei ofyn. Mae'n cymryd tua 5 munud.",
    ar: 'هذا مثال. يعرض كل أنواع الأسئلة التي يمكننا أن نسألها. يستغرق نحو 5 دقائق.',
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
      ar: 'كيف تذهب إلى المدرسة أو الكلية في معظم الأيام؟',
      enEasy: 'How do you get to school?',
      cyEasy: "Sut wyt ti'n mynd i'r ysgol?",
      arEasy: 'كيف تذهب إلى المدرسة؟',
    },
    symbol: om('1F3EB'), // school
    options: [
      { key: 'walk', label: { en: 'I walk', cy: "Dw i'n cerdded", ar: 'أمشي' }, symbol: om('1F6B6') }, // person walking
      { key: 'bus', label: { en: 'By bus', cy: 'Ar y bws', ar: 'بالحافلة' }, symbol: om('1F68C') }, // bus
      { key: 'car', label: { en: 'By car', cy: 'Yn y car', ar: 'بالسيارة' }, symbol: om('1F697') }, // automobile
      { key: 'bike', label: { en: 'By bike or scooter', cy: 'Ar feic neu sgwter', ar: 'بالدرّاجة أو السكوتر' }, symbol: om('1F6B2') }, // bicycle
    ],
  },
  {
    key: 'after-school',
    type: 'multi',
    config: {},
    prompt: {
      en: 'What do you like doing after school?',
      cy: "Beth wyt ti'n hoffi ei wneud ar ôl ysgol?",
      ar: 'ماذا تحب أن تفعل بعد المدرسة؟',
      enEasy: 'What do you like to do?',
      cyEasy: "Beth wyt ti'n hoffi ei wneud?",
      arEasy: 'ماذا تحب أن تفعل؟',
    },
    symbol: om('1F60A'), // smiling face with smiling eyes
    options: [
      { key: 'sport', label: { en: 'Sport', cy: 'Chwaraeon', ar: 'الرياضة' }, symbol: om('26BD') }, // soccer ball
      { key: 'games', label: { en: 'Video games', cy: 'Gemau fideo', ar: 'ألعاب الفيديو' }, symbol: om('1F3AE') }, // video game
      { key: 'reading', label: { en: 'Reading', cy: 'Darllen', ar: 'القراءة' }, symbol: om('1F4DA') }, // books
      { key: 'music', label: { en: 'Music', cy: 'Cerddoriaeth', ar: 'الموسيقى' }, symbol: om('1F3B5') }, // musical note
      { key: 'art', label: { en: 'Drawing and making things', cy: 'Tynnu lluniau a gwneud pethau', ar: 'الرسم وصنع الأشياء' }, symbol: om('1F3A8') }, // artist palette
    ],
  },
  {
    key: 'more-of',
    type: 'multi',
    config: { maxChoices: 3 },
    prompt: {
      en: 'What would you like more of where you live?',
      cy: "Beth hoffet ti gael mwy ohono lle rwyt ti'n byw?",
      ar: 'ما الذي تريد أن يكون أكثر في المكان الذي تعيش فيه؟',
      enEasy: 'What should there be more of near you?',
      cyEasy: 'Beth ddylai fod mwy ohono yn agos atat ti?',
      arEasy: 'ما الذي يجب أن يكون أكثر بالقرب منك؟',
    },
    symbol: om('1F3D8'), // houses
    options: [
      { key: 'parks', label: { en: 'Parks and green spaces', cy: 'Parciau a mannau gwyrdd', ar: 'الحدائق والمساحات الخضراء' }, symbol: om('1F333') }, // deciduous tree
      { key: 'youth-clubs', label: { en: 'Youth clubs', cy: 'Clybiau ieuenctid', ar: 'نوادي الشباب' }, symbol: om('1F91D') }, // handshake
      { key: 'sports', label: { en: 'Places to play sport', cy: 'Lleoedd i chwarae chwaraeon', ar: 'أماكن لممارسة الرياضة' }, symbol: om('1F3C0') }, // basketball
      { key: 'buses', label: { en: 'Buses', cy: 'Bysiau', ar: 'الحافلات' }, symbol: om('1F68D') }, // oncoming bus
      { key: 'libraries', label: { en: 'Libraries', cy: 'Llyfrgelloedd', ar: 'المكتبات' }, symbol: om('1F4D6') }, // open book
      { key: 'events', label: { en: 'Fun days and events', cy: 'Diwrnodau hwyl a digwyddiadau', ar: 'أيام ممتعة وفعاليات' }, symbol: om('1F3AA') }, // circus tent
    ],
  },
  {
    key: 'what-matters',
    type: 'ranking',
    config: {},
    prompt: {
      en: 'Put these in order. Which matters most to you?',
      cy: "Rho'r rhain mewn trefn. Pa un sydd bwysicaf i ti?",
      ar: 'رتّب هذه الأشياء. أيّها الأهم بالنسبة لك؟',
      enEasy: 'What is most important to you?',
      cyEasy: 'Beth sydd bwysicaf i ti?',
      arEasy: 'ما أهم شيء بالنسبة لك؟',
    },
    symbol: om('2B50'), // star
    options: [
      { key: 'friends', label: { en: 'Friends', cy: 'Ffrindiau', ar: 'الأصدقاء' }, symbol: om('1F46B') }, // woman and man holding hands
      { key: 'family', label: { en: 'Family', cy: 'Teulu', ar: 'العائلة' }, symbol: om('1F46A') }, // family
      { key: 'school', label: { en: 'School', cy: 'Ysgol', ar: 'المدرسة' }, symbol: om('1F3EB') }, // school
      { key: 'health', label: { en: 'Being healthy', cy: 'Bod yn iach', ar: 'أن أكون بصحة جيدة' }, symbol: om('2764') }, // red heart
    ],
  },
  {
    key: 'park-ideas',
    type: 'ranking',
    config: { rankCount: 3 },
    prompt: {
      en: 'We are making a new park. Which 3 ideas do you like best?',
      cy: "Rydyn ni'n gwneud parc newydd. Pa 3 syniad wyt ti'n eu hoffi orau?",
      ar: 'نحن نصنع حديقة جديدة. ما الأفكار الثلاث التي تعجبك أكثر؟',
      enEasy: 'What should the new park have?',
      cyEasy: "Beth ddylai fod yn y parc newydd?",
      arEasy: 'ماذا يجب أن يكون في الحديقة الجديدة؟',
    },
    symbol: om('1F3DE'), // national park
    options: [
      { key: 'slides', label: { en: 'Slides and swings', cy: 'Llithrennau a siglenni', ar: 'زحاليق وأراجيح' }, symbol: om('1F6DD') }, // playground slide
      { key: 'skate-park', label: { en: 'A skate park', cy: 'Parc sglefrio', ar: 'ساحة للتزلّج' }, symbol: om('1F6F9') }, // skateboard
      { key: 'football', label: { en: 'A football pitch', cy: 'Cae pêl-droed', ar: 'ملعب كرة قدم' }, symbol: om('26BD') }, // soccer ball
      { key: 'benches', label: { en: 'Benches to sit on', cy: 'Meinciau i eistedd arnyn nhw', ar: 'مقاعد للجلوس' }, symbol: om('1FA91') }, // chair
      { key: 'toilets', label: { en: 'Toilets', cy: 'Toiledau', ar: 'دورات مياه' }, symbol: om('1F6BD') }, // toilet
      { key: 'lights', label: { en: 'Lights, so it is safe after dark', cy: "Goleuadau, fel ei fod yn ddiogel ar ôl iddi dywyllu", ar: 'أضواء، حتى يكون المكان آمنًا بعد حلول الظلام' }, symbol: om('1F4A1') }, // light bulb
    ],
  },
  {
    key: 'like-school',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: { en: 'Do you like your school?', cy: "Wyt ti'n hoffi dy ysgol?", ar: 'هل تحب مدرستك؟', enEasy: 'Is school good?', cyEasy: "Ydy'r ysgol yn dda?", arEasy: 'هل المدرسة جيدة؟' },
    symbol: om('1F392'), // backpack
    options: [
      { key: 'yes', label: { en: 'Yes', cy: 'Ydw', ar: 'نعم' }, symbol: om('1F600') }, // grinning face
      { key: 'no', label: { en: 'No', cy: 'Nac ydw', ar: 'لا' }, symbol: om('1F641') }, // slightly frowning face
    ],
  },
  {
    key: 'school-going',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: { en: 'How is school going for you?', cy: "Sut mae'r ysgol yn mynd i ti?", ar: 'كيف تسير أمورك في المدرسة؟', enEasy: 'How is school?', cyEasy: "Sut mae'r ysgol?", arEasy: 'كيف حال المدرسة؟' },
    symbol: om('1F3EB'), // school
    options: [
      { key: 'going-well', label: { en: 'Going well', cy: 'Mynd yn dda', ar: 'تسير بشكل جيد' }, symbol: om('1F600') }, // grinning face
      { key: 'sometimes', label: { en: 'Sometimes', cy: 'Weithiau', ar: 'أحيانًا' }, symbol: om('1F610') }, // neutral face
      { key: 'not-going-well', label: { en: 'Not going well', cy: 'Ddim yn mynd yn dda', ar: 'لا تسير بشكل جيد' }, symbol: om('1F641') }, // slightly frowning face
    ],
  },
  {
    key: 'feel-most-days',
    type: 'scale',
    config: { style: 'symbol' },
    prompt: {
      en: 'How do you feel on most days?',
      cy: "Sut wyt ti'n teimlo ar y rhan fwyaf o ddyddiau?",
      ar: 'كيف تشعر في معظم الأيام؟',
      enEasy: 'How do you feel?',
      cyEasy: "Sut wyt ti'n teimlo?",
      arEasy: 'كيف تشعر؟',
    },
    symbol: om('1F914'), // thinking face
    options: [
      { key: 'very-happy', label: { en: 'Very happy', cy: 'Hapus iawn', ar: 'سعيد جدًا' }, symbol: om('1F601') }, // beaming face
      { key: 'happy', label: { en: 'Happy', cy: 'Hapus', ar: 'سعيد' }, symbol: om('1F642') }, // slightly smiling face
      { key: 'okay', label: { en: 'Okay', cy: 'Iawn', ar: 'لا بأس' }, symbol: om('1F610') }, // neutral face
      { key: 'sad', label: { en: 'Sad', cy: 'Trist', ar: 'حزين' }, symbol: om('1F641') }, // slightly frowning face
      { key: 'very-sad', label: { en: 'Very sad', cy: 'Trist iawn', ar: 'حزين جدًا' }, symbol: om('1F622') }, // crying face
    ],
  },
  {
    key: 'better-day',
    type: 'text',
    config: { maxLength: 300 },
    prompt: {
      en: 'What would make your day better?',
      cy: "Beth fyddai'n gwneud dy ddiwrnod yn well?",
      ar: 'ما الذي يجعل يومك أفضل؟',
      enEasy: 'What would help you have a good day?',
      cyEasy: "Beth fyddai'n dy helpu di i gael diwrnod da?",
      arEasy: 'ما الذي يساعدك على أن تقضي يومًا جيدًا؟',
    },
    hint: { en: 'Do not write your name.', cy: 'Paid ag ysgrifennu dy enw.', ar: 'لا تكتب اسمك.' },
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
      ar: 'هل يمكننا أن نستعمل كلماتك في تقريرنا؟',
      enEasy: 'Can we share what you wrote?',
      cyEasy: 'Gawn ni rannu beth ysgrifennaist ti?',
      arEasy: 'هل يمكننا أن نشارك ما كتبته؟',
    },
    symbol: om('1F4AC'), // speech balloon
    options: [
      { key: 'yes', label: { en: 'Yes, you can use my words', cy: 'Cewch, gallwch chi ddefnyddio fy ngeiriau', ar: 'نعم، يمكنكم أن تستعملوا كلماتي' }, symbol: om('2705') }, // check mark button
      { key: 'no', label: { en: 'No, do not use my words', cy: 'Na chewch, peidiwch â defnyddio fy ngeiriau', ar: 'لا، لا تستعملوا كلماتي' }, symbol: om('274C') }, // cross mark
    ],
  },
  {
    key: 'age-band',
    type: 'demographic',
    config: { field: 'ageBand' },
    prompt: { en: 'How old are you?', cy: 'Faint yw dy oed di?', ar: 'كم عمرك؟', enEasy: 'How old are you? Choose your age group.', cyEasy: 'Faint yw dy oed di? Dewis dy grŵp oed.', arEasy: 'كم عمرك؟ اختر فئتك العمرية.' },
    symbol: om('1F382'), // birthday cake
    options: [
      { key: 'age-under-8', label: { en: 'Under 8', cy: 'O dan 8', ar: 'أقل من 8' }, symbol: om('1F9F8') }, // teddy bear
      { key: 'age-8-10', label: { en: '8 to 10', cy: '8 i 10', ar: 'من 8 إلى 10' }, symbol: om('1F392') }, // backpack
      { key: 'age-11-13', label: { en: '11 to 13', cy: '11 i 13', ar: 'من 11 إلى 13' }, symbol: om('1F6F9') }, // skateboard
      { key: 'age-14-16', label: { en: '14 to 16', cy: '14 i 16', ar: 'من 14 إلى 16' }, symbol: om('1F4F1') }, // mobile phone
      { key: 'age-17-19', label: { en: '17 to 19', cy: '17 i 19', ar: 'من 17 إلى 19' }, symbol: om('1F393') }, // graduation cap
      { key: 'age-20-25', label: { en: '20 to 25', cy: '20 i 25', ar: 'من 20 إلى 25' }, symbol: om('1F9D1') }, // person
    ],
  },
  {
    key: 'gender',
    type: 'demographic',
    config: { field: 'gender' },
    prompt: { en: 'Which of these describes you?', cy: "Pa un o'r rhain sy'n dy ddisgrifio di?", ar: 'أيّ من هذه يصفك؟', enEasy: 'Which of these is you?', cyEasy: "Pa un o'r rhain wyt ti?", arEasy: 'أيّ من هذه أنت؟' },
    symbol: om('1F9D1-200D-1F91D-200D-1F9D1'), // people holding hands
    options: [
      { key: 'girl', label: { en: 'Girl', cy: 'Merch', ar: 'بنت' }, symbol: om('1F467') }, // girl
      { key: 'boy', label: { en: 'Boy', cy: 'Bachgen', ar: 'ولد' }, symbol: om('1F466') }, // boy
      { key: 'non-binary', label: { en: 'Non-binary', cy: 'Anneuaidd', ar: 'غير ثنائيّ الجنس' }, symbol: om('1F9D1') }, // person
      // The self-describe option key (app/domain/demographics.ts) brings a box for the child's own words.
      { key: 'self-describe', label: { en: 'I describe myself another way', cy: "Dw i'n disgrifio fy hun mewn ffordd arall", ar: 'أصف نفسي بطريقة أخرى' }, symbol: om('1F4AC') }, // speech balloon
    ],
  },
  {
    key: 'area',
    type: 'demographic',
    config: { field: 'area' },
    prompt: { en: 'Which part of town do you live in?', cy: "Ym mha ran o'r dref wyt ti'n byw?", ar: 'في أيّ جزء من المدينة تعيش؟', enEasy: 'Where do you live?', cyEasy: "Ble rwyt ti'n byw?", arEasy: 'أين تعيش؟' },
    symbol: om('1F4CD'), // round pushpin
    options: [
      { key: 'riverside', label: { en: 'Riverside', cy: 'Glan yr Afon', ar: 'ريفرسايد' }, symbol: om('1F30A') }, // water wave
      { key: 'hillside', label: { en: 'Hillside', cy: 'Ochr y Bryn', ar: 'هيلسايد' }, symbol: om('26F0') }, // mountain
      { key: 'town-centre', label: { en: 'Town centre', cy: 'Canol y dref', ar: 'وسط المدينة' }, symbol: om('1F3D9') }, // cityscape
      { key: 'northfield', label: { en: 'Northfield', cy: 'Maes y Gogledd', ar: 'نورثفيلد' }, symbol: om('1F9ED') }, // compass
      { key: 'somewhere-else', label: { en: 'Somewhere else', cy: 'Rhywle arall', ar: 'مكان آخر' }, symbol: om('1F5FA') }, // world map
    ],
  },
  {
    key: 'in-care',
    type: 'demographic',
    config: { field: 'inCare' },
    prompt: { en: 'Are you in care?', cy: 'Wyt ti mewn gofal?', ar: 'هل أنت في رعاية المجلس المحلي؟', enEasy: 'Does the council look after you?', cyEasy: "Ydy'r cyngor yn gofalu amdanat ti?", arEasy: 'هل يعتني بك المجلس المحلي؟' },
    hint: {
      en: "This means the council looks after you. For example, you live with foster carers or in a children's home.",
      cy: "Mae hyn yn golygu bod y cyngor yn gofalu amdanat ti. Er enghraifft, rwyt ti'n byw gyda gofalwyr maeth neu mewn cartref plant.",
      ar: 'هذا يعني أن المجلس المحلي يعتني بك. مثلًا، تعيش مع أسرة حاضنة أو في دار للأطفال.',
    },
    symbol: om('1F3E1'), // house with garden
    options: [
      { key: 'yes', label: { en: 'Yes', cy: 'Ydw', ar: 'نعم' }, symbol: om('2705') }, // check mark button
      { key: 'no', label: { en: 'No', cy: 'Nac ydw', ar: 'لا' }, symbol: om('274C') }, // cross mark
      { key: 'not-sure', label: { en: "I'm not sure", cy: "Dw i ddim yn siŵr", ar: 'لست متأكدًا' }, symbol: om('2753') }, // question mark
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
      texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'ar', register: 'plain', value: t.ar })
      if (t.arEasy) texts.push({ entity_type: entityType, entity_id: entityId, field, locale: 'ar', register: 'easy', value: t.arEasy })
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
