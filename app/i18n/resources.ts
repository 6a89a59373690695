import cyCommon from '../../locales/cy/common.json'
import cyDisplay from '../../locales/cy/display.json'
import cyParticipant from '../../locales/cy/participant.json'
import cyQuestions from '../../locales/cy/questions.json'
import cyReceipt from '../../locales/cy/receipt.json'
import cyStaff from '../../locales/cy/staff.json'
import enCommon from '../../locales/en/common.json'
import enDisplay from '../../locales/en/display.json'
import enParticipant from '../../locales/en/participant.json'
import enQuestions from '../../locales/en/questions.json'
import enReceipt from '../../locales/en/receipt.json'
import enStaff from '../../locales/en/staff.json'
import cyAuth from '../../locales/cy/auth.json'
import cyAnalysis from '../../locales/cy/analysis.json'
import cyExports from '../../locales/cy/exports.json'
import cyFindings from '../../locales/cy/findings.json'
import enAuth from '../../locales/en/auth.json'
import enAnalysis from '../../locales/en/analysis.json'
import enExports from '../../locales/en/exports.json'
import enFindings from '../../locales/en/findings.json'
import type { Locale } from './config'

// Bundled (a few KB per language) so pages render translated with no extra request.
export const resources: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: { common: enCommon, participant: enParticipant, staff: enStaff, receipt: enReceipt, display: enDisplay, questions: enQuestions, auth: enAuth, analysis: enAnalysis, exports: enExports, findings: enFindings },
  cy: { common: cyCommon, participant: cyParticipant, staff: cyStaff, receipt: cyReceipt, display: cyDisplay, questions: cyQuestions, auth: cyAuth, analysis: cyAnalysis, exports: cyExports, findings: cyFindings },
}
