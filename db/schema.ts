// Table types for Kysely. Portable across SQLite and PostgreSQL:
// booleans are 0/1 integers, timestamps are ISO-8601 strings, JSON is text.
import type { Generated, Insertable, Selectable } from 'kysely'

export interface OrganisationTable {
  id: string
  name: string
  suppression_threshold: number
  created_at: string
}

export interface ConsultationTable {
  id: string
  organisation_id: string
  slug: string
  status: 'draft' | 'open' | 'closed'
  default_locale: string
  anonymity: 'anonymous' | 'identified'
  lawful_basis: string
  retention_days: number
  symbol_mode_default: number
  /** JSON array of age-band keys the consultation is for (migration 2026-11-30T1400) */
  audience: Generated<string>
  created_at: string
  updated_at: string
  /** 1 for a new consultation; a new version (structure changed after answers came in) counts on (migration 2026-11-30T1600) */
  version: Generated<number>
  /** The consultation this version was made from, or null */
  previous_version_id: string | null
}

export interface QuestionTable {
  id: string
  consultation_id: string
  position: number
  key: string
  type: string
  required: number
  /** JSON validated by app/domain/survey.ts */
  config: string
  symbol: string | null
  /** A recorded clip of the question: a path served by this app, or null */
  audio: string | null
}

export interface OptionTable {
  id: string
  question_id: string
  position: number
  key: string
  symbol: string | null
}

/** Every piece of survey content text, per locale and register (plain or easy-read). */
export interface TranslationTable {
  entity_type: 'consultation' | 'question' | 'option' | 'theme' | 'outcome' | 'action'
  entity_id: string
  field: string
  locale: string
  register: 'plain' | 'easy'
  value: string
}

export interface PlanTable {
  id: string
  organisation_id: string
  title: string
  source: string | null
  /** e.g. "2010-2013" */
  period: string | null
  created_at: string | null
}

export interface PlanOutcomeTable {
  id: string
  plan_id: string
  code: string
  title: string
  position: number
  /** null for a top-level item; a priority (or outcome) under an outcome area otherwise */
  parent_id: string | null
  kind: Generated<PlanItemKind>
  /** JSON [{ measure, target }] from an imported plan, or null */
  measures: string | null
}

export type PlanItemKind = 'outcome' | 'priority' | 'area' | 'cross-cutting'

export interface ThemeTable {
  id: string
  consultation_id: string
  key: string
  title: string
  description: string | null
  /** The theme this is a sub-theme of (one level only; migration 2026-11-30T1630); null for a top-level theme */
  parent_id?: string | null
  /** JSON list of keyword rules that suggest this theme when coding (app/domain/coding-suggestions.ts); null for none */
  keywords?: string | null
}

export interface OptionThemeTable {
  option_id: string
  theme_id: string
}

export interface ThemeOutcomeTable {
  theme_id: string
  outcome_id: string
  /** How strongly the theme feeds the item, 1..5; null counts as 1 */
  weight: number | null
}

/** "You said, we did": what was decided about one or more themes. Child-friendly summaries are translations (entity_type 'action', field 'summary'). */
export interface ActionTable {
  id: string
  consultation_id: string
  decision: string
  decided_by: string
  status: 'planned' | 'in_progress' | 'done' | 'not_doing'
  /** Required when status is not_doing */
  reason: string | null
  /** YYYY-MM-DD */
  decided_on: string
  /** A symbol reference (app/domain/symbol-reference.ts) or null */
  symbol: string | null
  created_at: string
  updated_at: string
}

export interface ActionThemeTable {
  action_id: string
  theme_id: string
}

export interface ResponseTable {
  id: Generated<number>
  consultation_id: string
  /** sha-256 of the device's resume token; never the token itself */
  resume_hash: string
  /** sha-256 of the receipt code, set when the participant finishes */
  receipt_hash: string | null
  locale: string
  status: 'in_progress' | 'submitted'
  entered_on_behalf: number
  /** demographics as given at the time of response (JSON), null when none given */
  demographics: string | null
  created_at: string
  submitted_at: string | null
  /** Set when the response finishes: the language, symbols and Easy Read it finished with (participation record) */
  finished_locale: string | null
  used_symbols: number | null
  used_easy_read: number | null
  /** The response import (tidy CSV) it came from; null when given online */
  import_id: string | null
  /** The group session it was given in (migration 2026-11-30T1640); null when not in a session */
  session_id: Generated<string | null>
  /** Paper entry: the staff user who typed the paper form up (migration 2026-11-30T1650); null otherwise */
  entered_by: Generated<string | null>
}

export interface AnswerTable {
  id: Generated<number>
  response_id: number
  question_id: string
  option_id: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: number
}

/** An organisation's own symbol (e.g. Widgit); referenced from questions and options as upload:<id>. */
export interface SymbolImageTable {
  id: string
  organisation_id: string
  name: string
  licence: string
  attribution: string | null
  /** Normalised master image: square PNG, metadata stripped */
  image: Uint8Array
  created_at: string
}

/** A recorded audio clip of a question, served at /audio/<id>.<format> (migration 2026-11-30T1610). */
export interface AudioClipTable {
  id: string
  /** mp3, m4a, ogg, opus, wav or webm (app/domain/audio-upload.ts), found from the bytes */
  format: string
  bytes: Uint8Array
  size: number
  created_by: string | null
  created_at: string
}

/** A staff member who signs in (see app/domain/permissions.ts for what each role may do). */
export interface StaffUserTable {
  id: string
  /** lower-cased */
  email: string
  name: string
  /** argon2id PHC string */
  password_hash: string
  disabled: number
  created_at: string
  updated_at: string
}

export interface StaffRoleTable {
  user_id: string
  role: string
}

/** A signed-in browser. `id` is the sha-256 of the random token in the cookie, never the token. */
export interface StaffSessionTable {
  id: string
  user_id: string
  created_at: string
  expires_at: string
  last_seen_at: string
}

/** Who did what, when. Written by app/services/audit.server.ts only; never updated or deleted by the app. */
export interface AuditEventTable {
  id: Generated<number>
  user_id: string | null
  action: string
  subject: string
  /** JSON text */
  details: string | null
  at: string
}

/** A tidy CSV of responses read in (docs/tidy-csv-format.md); its responses carry its id. */
export interface ResponseImportTable {
  id: string
  consultation_id: string
  filename: string
  responses: number
  answers: number
  created_by: string | null
  created_at: string
}

/** A file of aggregate counts (e.g. paper ballots from schools). */
export interface AggregateImportTable {
  id: string
  consultation_id: string
  filename: string
  created_by: string | null
  created_at: string
  /** A paper tally uploaded for a group session (migration 2026-11-30T1650); null otherwise */
  session_id: Generated<string | null>
}

/** One count of an aggregate import: a group's count for an option (at a position, for rankings). */
export interface AggregateCountTable {
  id: Generated<number>
  aggregate_import_id: string
  group_label: string
  question_id: string
  option_id: string
  position: number | null
  count: number
  stated_total: number
}

/** A phrase a safeguarding lead added to the shipped lists (app/domain/safeguarding.ts). */
export interface SafeguardingPhraseTable {
  id: string
  locale: string
  category: string
  phrase: string
  added_by: string | null
  created_at: string
}

/** A free-text answer that matched the safeguarding lists: a reference to it, never a copy of the text. */
export interface SafeguardingFlagTable {
  id: Generated<number>
  consultation_id: string
  /** No foreign key: the flag stays when a response is withdrawn */
  response_id: number
  question_id: string
  /** JSON list of categories */
  categories: string
  /** JSON list of the list phrases that matched ({ locale, category, phrase }) */
  phrases: string
  /** sha-256 of the answer text when flagged */
  text_hash: string
  status: 'new' | 'reviewed' | 'action_taken' | 'no_action_needed'
  created_at: string
  updated_at: string
}

/** Counts of submitted answers, kept as they change (app/models/tally-cell.server.ts, docs/decisions/009). */
export interface TallyCellTable {
  question_id: string
  /** The response's demographics snapshot as stored; '' for none */
  profile: string
  /** o: an option at a position; a: respondents who answered; s: respondents who said "I don't want to say" */
  kind: string
  /** '' when the cell is not about one option */
  option_id: string
  /** 0 when there is no position */
  rank: number
  n: number
}

/** A status change of a flag, with the safeguarding lead's note. */
export interface SafeguardingNoteTable {
  id: Generated<number>
  flag_id: number
  user_id: string
  status_from: string
  status_to: string
  note: string
  created_at: string
}

export type SessionSetting = 'school' | 'youth_club' | 'care_council' | 'special_school' | 'community_event' | 'other'

/** A group session run by a facilitator (issue #6): participants join with the code; kiosk = one shared device. */
export interface SessionTable {
  id: string
  consultation_id: string
  /** 6 characters from app/domain/join-code.ts; unique among open sessions */
  join_code: string
  setting: SessionSetting
  group_type: string
  expected_participants: number | null
  kiosk: number
  status: 'open' | 'closed'
  created_by: string | null
  created_at: string
  closed_at: string | null
}

/** A processed picture (app/services/images.server.ts): WebP, at most 1600 px, no metadata. Never public. */
export interface ImageTable {
  id: string
  consultation_id: string
  /** The response it came with; the image is deleted with it */
  response_id: number | null
  /** 'story', 'group' … */
  purpose: string
  mime: string
  width: number
  height: number
  byte_size: number
  bytes: Uint8Array
  created_at: string
}

export type StoryStatus = 'pending' | 'approved' | 'rejected'

/** A participant's story (migration 2026-11-30T1620). Readers other than safeguarding get `redacted_text ?? text`. */
export interface StoryTable {
  id: string
  consultation_id: string
  /** Null for a story gathered another way (event, seed); deleted with a withdrawn response */
  response_id: number | null
  question_id: string | null
  /** The original words */
  text: string
  /** The text with redacted spans replaced; null when nothing is redacted */
  redacted_text: string | null
  /** JSON [{ start, end, kind, reason }] over `text` (app/domain/redaction.ts) */
  redactions: Generated<string>
  image_id: string | null
  consent_words: Generated<number>
  consent_picture: Generated<number>
  /** Who said it when there is no response to take an age band from ("Year 6 child") */
  attribution: string | null
  status: Generated<StoryStatus>
  moderated_by: string | null
  moderated_at: string | null
  created_at: string
  updated_at: string
}

export type GroupResultKind = 'diamond9' | 'dots' | 'ranking'

/** A group activity's result in a session (issue #6): one result for the whole group, weighted by `people` in analysis. */
export interface GroupResultTable {
  id: string
  kind: GroupResultKind
  session_id: string
  consultation_id: string
  /** The question whose options are the cards or choices */
  question_id: string
  /** A name for the group ("Table 2"), never a child's name */
  label: string | null
  people: number
  /** Dot voting: dots each person had */
  dots_per_person: number | null
  /** Group ranking: how many agreed with the order */
  agreed: number | null
  entered_by: string | null
  /** A photo of the paper or sticky-note wall (image table) */
  image_id: string | null
  created_at: string
}

/** One option of a group result: its diamond row (null = discarded), its dots, or its agreed position. */
export interface GroupResultItemTable {
  group_result_id: string
  option_id: string
  tier: number | null
  dots: number | null
  rank: number | null
}

/** One coder's coding of one item (a free-text answer or an approved story); its themes are in coding_theme (migration 2026-11-30T1630). */
export interface CodingTable {
  id: string
  consultation_id: string
  /** 'answer:<answer id>' or 'story:<story id>' */
  item_key: string
  /** The item's row, so its codes go when it does (a withdrawn response) */
  answer_id: number | null
  story_id: string | null
  coder_id: string
  coded_at: string
}

export interface CodingThemeTable {
  coding_id: string
  theme_id: string
}

/** The double-coding sample of a consultation: chosen reproducibly from `seed` (app/domain/coding-sample.ts). */
export interface CodingSampleTable {
  consultation_id: string
  seed: string
  /** What was asked for: '10%' or '25' */
  requested: string
  created_by: string | null
  created_at: string
}

export interface CodingSampleItemTable {
  consultation_id: string
  item_key: string
}

export interface Database {
  organisation: OrganisationTable
  consultation: ConsultationTable
  question: QuestionTable
  option: OptionTable
  translation: TranslationTable
  plan: PlanTable
  plan_outcome: PlanOutcomeTable
  theme: ThemeTable
  option_theme: OptionThemeTable
  theme_outcome: ThemeOutcomeTable
  coding: CodingTable
  coding_theme: CodingThemeTable
  coding_sample: CodingSampleTable
  coding_sample_item: CodingSampleItemTable
  action: ActionTable
  action_theme: ActionThemeTable
  response: ResponseTable
  answer: AnswerTable
  response_import: ResponseImportTable
  aggregate_import: AggregateImportTable
  aggregate_count: AggregateCountTable
  symbol_image: SymbolImageTable
  audio_clip: AudioClipTable
  staff_user: StaffUserTable
  staff_role: StaffRoleTable
  staff_session: StaffSessionTable
  audit_event: AuditEventTable
  safeguarding_phrase: SafeguardingPhraseTable
  safeguarding_flag: SafeguardingFlagTable
  safeguarding_note: SafeguardingNoteTable
  tally_cell: TallyCellTable
  image: ImageTable
  story: StoryTable
  session: SessionTable
  group_result: GroupResultTable
  group_result_item: GroupResultItemTable
}

export type ConsultationRow = Selectable<ConsultationTable>
export type QuestionRow = Selectable<QuestionTable>
export type OptionRow = Selectable<OptionTable>
export type TranslationRow = Selectable<TranslationTable>
export type NewAnswer = Insertable<AnswerTable>
