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
  created_at: string
  updated_at: string
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
  entity_type: 'consultation' | 'question' | 'option' | 'theme' | 'outcome'
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
}

export interface PlanOutcomeTable {
  id: string
  plan_id: string
  code: string
  title: string
  position: number
}

export interface ThemeTable {
  id: string
  consultation_id: string
  key: string
  title: string
  description: string | null
}

export interface OptionThemeTable {
  option_id: string
  theme_id: string
}

export interface ThemeOutcomeTable {
  theme_id: string
  outcome_id: string
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
  response: ResponseTable
  answer: AnswerTable
  symbol_image: SymbolImageTable
}

export type ConsultationRow = Selectable<ConsultationTable>
export type QuestionRow = Selectable<QuestionTable>
export type OptionRow = Selectable<OptionTable>
export type TranslationRow = Selectable<TranslationTable>
export type NewAnswer = Insertable<AnswerTable>
