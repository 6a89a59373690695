// Stories (issue 5): the moderation states, shared by the pages and the services. Pure.
import type { StoryStatus } from '../../db/schema'

export const storyStatuses: readonly StoryStatus[] = ['pending', 'approved', 'rejected']

export function isStoryStatus(value: unknown): value is StoryStatus {
  return typeof value === 'string' && (storyStatuses as readonly string[]).includes(value)
}
