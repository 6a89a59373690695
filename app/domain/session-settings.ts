// What a facilitator says about a group session when starting it (issue #6). Shared by the form and the service.
import type { SessionSetting } from '../../db/schema'

export const sessionSettings = ['school', 'youth_club', 'care_council', 'special_school', 'community_event', 'other'] as const satisfies readonly SessionSetting[]

export type StartFormValues = { consultation: string; setting: string; groupType: string; expected: string; kiosk: boolean }

export const blankStartValues: StartFormValues = { consultation: '', setting: '', groupType: '', expected: '', kiosk: false }
