// "You said, we did" for the demo: child-friendly theme titles (English, Welsh, Arabic; plain and
// Easy Read), weights on a few theme → Every Child Matters links, and two example actions, so the
// demo's public page is filled. Safe to run again: it adds only what is missing.
import type { Kysely } from 'kysely'
import type { Database } from '../schema'

const CONSULTATION = 'demo-consultation'

type Texts = { en: string; cy: string; ar: string; enEasy?: string; cyEasy?: string; arEasy?: string }

const themeTitles: Record<string, Texts> = {
  inclusion: { en: 'Fair chances for everyone', cy: 'Cyfle teg i bawb', ar: 'فرص عادلة للجميع', enEasy: 'Fair for everyone', cyEasy: 'Teg i bawb', arEasy: 'عادل للجميع' },
  'mental-health': { en: 'Feeling OK inside', cy: "Teimlo'n iawn y tu mewn", ar: 'الشعور بالراحة من الداخل', enEasy: 'Feeling OK', cyEasy: "Teimlo'n iawn", arEasy: 'الشعور بالراحة' },
  'family-support': { en: 'Help for families, carers and children in care', cy: 'Help i deuluoedd, gofalwyr a phlant mewn gofal', ar: 'مساعدة العائلات ومقدّمي الرعاية والأطفال في الرعاية', enEasy: 'Help for families', cyEasy: 'Help i deuluoedd', arEasy: 'مساعدة العائلات' },
  'drugs-alcohol': { en: 'Drugs and alcohol', cy: 'Cyffuriau ac alcohol', ar: 'المخدرات والكحول' },
  safety: { en: 'Feeling safe', cy: "Teimlo'n ddiogel", ar: 'الشعور بالأمان', enEasy: 'Being safe', cyEasy: 'Bod yn ddiogel', arEasy: 'أن تكون آمنًا' },
  'things-to-do': { en: 'Things to do and places to go', cy: "Pethau i'w gwneud a lleoedd i fynd", ar: 'أشياء نفعلها وأماكن نذهب إليها', enEasy: 'Fun things to do', cyEasy: "Pethau hwyl i'w gwneud", arEasy: 'أشياء ممتعة' },
  'respect-voice': { en: 'Being listened to', cy: 'Cael gwrando arnat ti', ar: 'أن يُستمع إلينا', enEasy: 'People listen to you', cyEasy: 'Pobl yn gwrando arnat ti', arEasy: 'الناس يستمعون إليك' },
  education: { en: 'School', cy: 'Ysgol', ar: 'المدرسة' },
}

/** How strongly some themes feed an outcome (1..5); links not named here keep no weight (counts as 1). */
const weights: Array<{ theme: string; outcome: string; weight: number }> = [
  { theme: 'safety', outcome: 'SS', weight: 3 },
  { theme: 'mental-health', outcome: 'BH', weight: 3 },
  { theme: 'things-to-do', outcome: 'EA', weight: 2 },
]

const actions: Array<{ id: string; decision: string; decidedBy: string; status: 'planned' | 'in_progress' | 'done' | 'not_doing'; reason: string | null; decidedOn: string; symbol: string; themes: string[]; summary: Texts }> = [
  {
    id: 'demo-action-youth-clubs',
    decision: 'Fund two more youth clubs on Friday evenings, with a late bus home from each.',
    decidedBy: "Children and Young People's Partnership Board",
    status: 'in_progress',
    reason: null,
    decidedOn: '2026-11-20',
    symbol: 'openmoji:26BD',
    themes: ['things-to-do', 'safety'],
    summary: {
      en: 'You told us there is not enough to do. We are opening two more youth clubs on Friday nights, with a bus to get you home safely.',
      cy: "Dywedoch chi wrthon ni nad oes digon i'w wneud. Rydyn ni'n agor dau glwb ieuenctid arall ar nos Wener, gyda bws i'ch cael chi adref yn ddiogel.",
      ar: 'أخبرتمونا أنه لا يوجد ما يكفي من الأنشطة. سنفتح ناديين آخرين للشباب مساء كل جمعة، مع حافلة تعيدكم إلى البيت بأمان.',
      enEasy: 'More youth clubs on Friday nights. A bus takes you home.',
      cyEasy: "Mwy o glybiau ieuenctid ar nos Wener. Bws i fynd â ti adref.",
      arEasy: 'نوادٍ أكثر للشباب مساء الجمعة. حافلة تعيدك إلى البيت.',
    },
  },
  {
    id: 'demo-action-school-counsellors',
    decision: 'Every secondary school to have a counsellor available every school day.',
    decidedBy: 'Director of Children’s Services',
    status: 'planned',
    reason: null,
    decidedOn: '2026-11-25',
    symbol: 'openmoji:1F9E0',
    themes: ['mental-health'],
    summary: {
      en: 'You said you need someone to talk to when you feel sad. Every secondary school will have a counsellor you can see every school day.',
      cy: "Dywedoch chi fod angen rhywun arnoch chi i siarad ag e pan fyddwch chi'n teimlo'n drist. Bydd gan bob ysgol uwchradd gwnselydd y gallwch chi ei weld bob diwrnod ysgol.",
      ar: 'قلتم إنكم تحتاجون إلى شخص تتحدثون إليه عندما تشعرون بالحزن. ستكون في كل مدرسة ثانوية مرشدة أو مرشد يمكنكم رؤيته كل يوم دراسي.',
      enEasy: 'Someone to talk to at school, every day.',
      cyEasy: "Rhywun i siarad ag e yn yr ysgol, bob dydd.",
      arEasy: 'شخص تتحدث إليه في المدرسة كل يوم.',
    },
  },
]

function textRows(entityType: 'theme' | 'action', entityId: string, field: string, t: Texts): Database['translation'][] {
  const rows: Array<[string, 'plain' | 'easy', string | undefined]> = [
    ['en', 'plain', t.en],
    ['cy', 'plain', t.cy],
    ['ar', 'plain', t.ar],
    ['en', 'easy', t.enEasy],
    ['cy', 'easy', t.cyEasy],
    ['ar', 'easy', t.arEasy],
  ]
  return rows.flatMap(([locale, register, value]) => (value ? [{ entity_type: entityType, entity_id: entityId, field, locale, register, value }] : []))
}

export async function seedFindings(db: Kysely<Database>): Promise<void> {
  const consultation = await db.selectFrom('consultation').select('id').where('id', '=', CONSULTATION).executeTakeFirst()
  if (!consultation) return
  const now = new Date().toISOString()
  await db.transaction().execute(async (trx) => {
    for (const [key, texts] of Object.entries(themeTitles)) {
      const themeId = `theme-${key}`
      const has = await trx.selectFrom('translation').select('entity_id').where('entity_type', '=', 'theme').where('entity_id', '=', themeId).executeTakeFirst()
      const theme = await trx.selectFrom('theme').select('id').where('id', '=', themeId).executeTakeFirst()
      if (!has && theme) await trx.insertInto('translation').values(textRows('theme', themeId, 'title', texts)).execute()
    }
    for (const w of weights) {
      await trx.updateTable('theme_outcome').set({ weight: w.weight }).where('theme_id', '=', `theme-${w.theme}`).where('outcome_id', '=', `outcome-${w.outcome}`).where('weight', 'is', null).execute()
    }
    for (const a of actions) {
      if (await trx.selectFrom('action').select('id').where('id', '=', a.id).executeTakeFirst()) continue
      await trx
        .insertInto('action')
        .values({ id: a.id, consultation_id: CONSULTATION, decision: a.decision, decided_by: a.decidedBy, status: a.status, reason: a.reason, decided_on: a.decidedOn, symbol: a.symbol, created_at: now, updated_at: now })
        .execute()
      await trx.insertInto('action_theme').values(a.themes.map((t) => ({ action_id: a.id, theme_id: `theme-${t}` }))).execute()
      await trx.insertInto('translation').values(textRows('action', a.id, 'summary', a.summary)).execute()
    }
  })
}
