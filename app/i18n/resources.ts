import cyCommon from '../../locales/cy/common.json'
import cyParticipant from '../../locales/cy/participant.json'
import cyStaff from '../../locales/cy/staff.json'
import enCommon from '../../locales/en/common.json'
import enParticipant from '../../locales/en/participant.json'
import enStaff from '../../locales/en/staff.json'
import type { Locale } from './config'

export const resources: Record<Locale, Record<string, Record<string, unknown>>> = {
  en: { common: enCommon, participant: enParticipant, staff: enStaff },
  cy: { common: cyCommon, participant: cyParticipant, staff: cyStaff },
}
