// The demo consultation, built from published plans (see ../shared/fixtures/README.md):
// Halton 2007 priority groups, Bath & North East Somerset's top five, and the five
// Every Child Matters outcomes. Copied here so the demo needs nothing outside the project.

type Texts = { en: string; cy: string; ar: string; enEasy?: string; cyEasy?: string; arEasy?: string }

export interface DemoOption {
  key: string
  label: Texts
  symbol?: string
  themes: string[]
}

export interface DemoQuestion {
  key: string
  type: 'single' | 'multi' | 'ranking' | 'scale' | 'text'
  config: Record<string, unknown>
  prompt: Texts
  hint?: Texts
  /** A symbol reference (see app/domain/symbol-reference.ts); OpenMoji is CC BY-SA 4.0, credited at /symbols/credits */
  symbol?: string
  options: DemoOption[]
}

export const ecmOutcomes = [
  { code: 'BH', title: 'Be healthy' },
  { code: 'SS', title: 'Stay safe' },
  { code: 'EA', title: 'Enjoy and achieve' },
  { code: 'PC', title: 'Make a positive contribution' },
  { code: 'EWB', title: 'Achieve economic well-being' },
]

export const demoThemes = [
  { key: 'inclusion', title: 'Inclusion and equal chances', outcomes: ['EA', 'EWB'] },
  { key: 'mental-health', title: 'Mental health and wellbeing', outcomes: ['BH'] },
  { key: 'family-support', title: 'Support for families, carers and children in care', outcomes: ['SS', 'EWB'] },
  { key: 'drugs-alcohol', title: 'Drugs and alcohol', outcomes: ['BH', 'SS'] },
  { key: 'safety', title: 'Feeling safe: crime, bullying and safe places', outcomes: ['SS'] },
  { key: 'things-to-do', title: 'Things to do and places to go', outcomes: ['EA', 'PC'] },
  { key: 'respect-voice', title: 'Respect and being heard', outcomes: ['PC'] },
  { key: 'education', title: 'Education and school attendance', outcomes: ['EA', 'EWB'] },
]

export const demoConsultation = {
  slug: 'have-your-say',
  title: { en: 'Have your say: our plan for children and young people', cy: "Dweud dy ddweud: ein cynllun ar gyfer plant a phobl ifanc", ar: 'قُل رأيك: خطّتنا للأطفال والشباب' },
  description: {
    en: 'We are writing a new plan for children and young people. Tell us what matters to you. It takes about 5 minutes.',
    cy: "Rydyn ni'n ysgrifennu cynllun newydd ar gyfer plant a phobl ifanc. Dywed wrthon ni beth sy'n bwysig i ti. Mae'n cymryd tua 5 munud.",
    ar: 'نحن نكتب خطّة جديدة للأطفال والشباب. أخبِرنا بما يهمّك. يستغرق هذا نحو 5 دقائق.',
  },
}

export const demoQuestions: DemoQuestion[] = [
  {
    key: 'priority-groups',
    symbol: 'openmoji:1F9D2', // child
    type: 'multi',
    config: {},
    prompt: {
      en: 'Which groups of children and young people should be a priority?',
      cy: "Pa grwpiau o blant a phobl ifanc ddylai fod yn flaenoriaeth?",
      ar: 'أيّ مجموعات من الأطفال والشباب يجب أن تكون لها الأولوية؟',
      enEasy: 'Which children need the most help?',
      cyEasy: "Pa blant sydd angen y mwyaf o help?",
      arEasy: 'أيّ الأطفال يحتاجون إلى المساعدة أكثر من غيرهم؟',
    },
    options: [
      { key: 'disabilities', label: { en: 'Children and young people with disabilities', cy: 'Plant a phobl ifanc ag anableddau', ar: 'الأطفال والشباب ذوو الإعاقة' }, symbol: 'openmoji:1F9D1-200D-1F9BD', themes: ['inclusion'] }, // person in manual wheelchair
      { key: 'mental-health', label: { en: 'Children and young people with mental health problems', cy: 'Plant a phobl ifanc â phroblemau iechyd meddwl', ar: 'الأطفال والشباب الذين لديهم مشكلات في الصحة النفسية' }, symbol: 'openmoji:1F9E0', themes: ['mental-health'] }, // brain
      { key: 'in-care', label: { en: 'Children in care', cy: 'Plant mewn gofal', ar: 'الأطفال الذين يعيشون في رعاية المجلس المحلي' }, symbol: 'openmoji:1F3E1', themes: ['family-support'] }, // house with garden
      { key: 'young-carers', label: { en: 'Young carers looking after family members', cy: "Gofalwyr ifanc sy'n gofalu am aelodau o'r teulu", ar: 'مقدّمو الرعاية الصغار الذين يعتنون بأفراد من عائلاتهم' }, symbol: 'openmoji:1FAC2', themes: ['family-support'] }, // people hugging
      { key: 'drugs-alcohol', label: { en: 'Young people and adults with drug and alcohol problems', cy: 'Pobl ifanc ac oedolion â phroblemau cyffuriau ac alcohol', ar: 'الشباب والكبار الذين لديهم مشكلات مع المخدرات والكحول' }, symbol: 'openmoji:1F48A', themes: ['drugs-alcohol'] }, // pill
      { key: 'teenage-parents', label: { en: 'Teenage parents', cy: 'Rhieni yn eu harddegau', ar: 'الآباء والأمهات المراهقون' }, symbol: 'openmoji:1F476', themes: ['family-support'] }, // baby
      { key: 'run-away', label: { en: 'Young people who often run away from home', cy: "Pobl ifanc sy'n rhedeg i ffwrdd o'u cartref yn aml", ar: 'الشباب الذين يهربون من البيت كثيرًا' }, symbol: 'openmoji:1F3C3', themes: ['safety', 'family-support'] }, // person running
      { key: 'reoffending', label: { en: 'Young people who keep committing crimes', cy: "Pobl ifanc sy'n dal i gyflawni troseddau", ar: 'الشباب الذين يستمرّون في ارتكاب الجرائم' }, symbol: 'openmoji:1F46E', themes: ['safety'] }, // police officer
      { key: 'attendance', label: { en: 'Children and young people who miss school a lot', cy: "Plant a phobl ifanc sy'n colli llawer o'r ysgol", ar: 'الأطفال والشباب الذين يتغيّبون عن المدرسة كثيرًا' }, symbol: 'openmoji:1F3EB', themes: ['education'] }, // school
      { key: 'hate-crime', label: { en: 'Black and minority ethnic groups facing hate crime', cy: "Grwpiau du a lleiafrifoedd ethnig sy'n wynebu troseddau casineb", ar: 'السود وأبناء الأقليات العرقية الذين يتعرّضون لجرائم الكراهية' }, symbol: 'openmoji:1F6D1', themes: ['safety', 'inclusion'] }, // stop sign
    ],
  },
  {
    key: 'top-priorities',
    symbol: 'openmoji:1F3C6', // trophy
    type: 'ranking',
    config: {},
    prompt: {
      en: 'Put these in order. What matters most to you?',
      cy: "Rho'r rhain mewn trefn. Beth sydd bwysicaf i ti?",
      ar: 'رتّب هذه الأشياء. ما الأهم بالنسبة لك؟',
      enEasy: 'What is most important to you?',
      cyEasy: "Beth sydd bwysicaf i ti?",
      arEasy: 'ما أهم شيء بالنسبة لك؟',
    },
    options: [
      { key: 'safe-places', label: { en: 'Safer places to hang out and play outside', cy: 'Lleoedd mwy diogel i gwrdd a chwarae y tu allan', ar: 'أماكن أكثر أمانًا للالتقاء واللعب في الخارج' }, symbol: 'openmoji:1F6DD', themes: ['safety', 'things-to-do'] }, // playground slide
      { key: 'less-bullying', label: { en: 'Less bullying', cy: 'Llai o fwlio', ar: 'تنمّر أقل' }, symbol: 'openmoji:1F645', themes: ['safety'] }, // person gesturing NO
      { key: 'respect', label: { en: 'More respect for children and young people', cy: 'Mwy o barch at blant a phobl ifanc', ar: 'احترام أكبر للأطفال والشباب' }, symbol: 'openmoji:1F91D', themes: ['respect-voice'] }, // handshake
      { key: 'things-to-do', label: { en: 'More things to do, and transport to get there', cy: "Mwy o bethau i'w gwneud, a thrafnidiaeth i gyrraedd yno", ar: 'أنشطة أكثر، ومواصلات للوصول إليها' }, symbol: 'openmoji:26BD', themes: ['things-to-do'] }, // soccer ball
      { key: 'safer-from-crime', label: { en: 'Feeling safer from crime', cy: 'Teimlo’n fwy diogel rhag troseddu', ar: 'الشعور بأمان أكبر من الجريمة' }, symbol: 'openmoji:1F6E1', themes: ['safety'] }, // shield
    ],
  },
  {
    key: 'feel-safe',
    symbol: 'openmoji:1F3E0', // house
    type: 'scale',
    config: { style: 'emoji' },
    prompt: { en: 'How safe do you feel where you live?', cy: "Pa mor ddiogel wyt ti'n teimlo lle rwyt ti'n byw?", ar: 'ما مدى شعورك بالأمان في المكان الذي تعيش فيه؟', enEasy: 'Do you feel safe where you live?', cyEasy: "Wyt ti'n teimlo'n ddiogel lle rwyt ti'n byw?", arEasy: 'هل تشعر بالأمان حيث تعيش؟' },
    options: [
      { key: 'safe', label: { en: 'Safe', cy: 'Diogel', ar: 'في أمان' }, symbol: 'openmoji:1F600', themes: ['safety'] }, // grinning face
      { key: 'sometimes', label: { en: 'Sometimes safe', cy: 'Diogel weithiau', ar: 'في أمان أحيانًا' }, symbol: 'openmoji:1F610', themes: ['safety'] }, // neutral face
      { key: 'not-safe', label: { en: 'Not safe', cy: 'Ddim yn ddiogel', ar: 'لست في أمان' }, symbol: 'openmoji:1F641', themes: ['safety'] }, // slightly frowning face
    ],
  },
  {
    key: 'one-change',
    symbol: 'openmoji:1F4A1', // light bulb
    type: 'text',
    config: { maxLength: 500 },
    prompt: {
      en: 'What one thing would make life better for children and young people where you live?',
      cy: "Beth yw'r un peth a fyddai'n gwneud bywyd yn well i blant a phobl ifanc lle rwyt ti'n byw?",
      ar: 'ما الشيء الواحد الذي يجعل الحياة أفضل للأطفال والشباب في المكان الذي تعيش فيه؟',
      enEasy: 'What would make your life better?',
      cyEasy: "Beth fyddai'n gwneud dy fywyd yn well?",
      arEasy: 'ما الذي يجعل حياتك أفضل؟',
    },
    options: [],
  },
]

/** Halton 2007: synthetic counts for 1,000 respondents that reproduce the published shares exactly. */
export const haltonCountsPer1000 = [612, 612, 609, 573, 567, 565, 536, 517, 515, 478]

/** Made-up answers to the free-text question, in the voice of the published quotes. */
export const demoTextAnswers = [
  'More free stuff near where people live.',
  'There is nothing in our area for teenagers to do. We need a youth club.',
  'Ask us proper questions and do something with the answer.',
  'Cheaper buses so we can get into town.',
  'Somewhere safe to play football that has lights in winter.',
  'People we trust to talk to when we feel sad.',
]
