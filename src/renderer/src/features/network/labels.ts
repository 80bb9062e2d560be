import type {
  channelKinds,
  communityTypes,
  goalStatuses,
  goalTargetKinds,
  interactionChannels,
  interactionKinds,
  journalKinds,
  membershipStatuses,
  relationshipKinds,
  rsvpStates,
} from '@shared/network/records'

type Labels<T extends readonly string[]> = Record<T[number], string>

/** Words the UI shows for each enum value of records.ts; one place, so lists, forms and filters agree. */
export const channelKindLabels: Labels<typeof channelKinds> = {
  email: 'Email',
  phone: 'Phone',
  social: 'Social',
  website: 'Website',
  other: 'Other',
}

export const relationshipLabels: Labels<typeof relationshipKinds> = {
  colleague: 'Colleague',
  mentor: 'Mentor',
  mentee: 'Mentee',
  'introduced-by': 'Introduced by',
  'co-author': 'Co-author',
  friend: 'Friend',
  other: 'Other',
}

export const interactionModeLabels = { online: 'Online', 'in-person': 'In person' } as const

export const interactionChannelLabels: Labels<typeof interactionChannels> = {
  conversation: 'Conversation',
  forum: 'Forum',
  'social-media': 'Social media',
  email: 'Email',
  message: 'Message',
  phone: 'Phone',
  'video-call': 'Video call',
  meetup: 'Meetup',
  conference: 'Conference',
  workshop: 'Workshop',
  'school-visit': 'School visit',
  other: 'Other',
}

export const interactionKindLabels: Labels<typeof interactionKinds> = {
  conversation: 'Conversation',
  'question-asked': 'Question asked',
  'help-given': 'Help given',
  'help-received': 'Help received',
  'resource-shared': 'Resource shared',
  'resource-received': 'Resource received',
  collaboration: 'Collaboration',
  feedback: 'Feedback',
}

export const meaningfulLabels = ['Not rated', 'Somewhat meaningful', 'Meaningful', 'Very meaningful'] as const

export const communityTypeLabels: Labels<typeof communityTypes> = {
  'online-forum': 'Online forum',
  'social-group': 'Social group',
  plc: 'PLC',
  association: 'Association',
  'conference-series': 'Conference series',
  'meetup-group': 'Meetup group',
  other: 'Other',
}

export const communityModeLabels = { online: 'Online', 'in-person': 'In person', both: 'Online and in person' } as const

export const membershipLabels: Labels<typeof membershipStatuses> = {
  member: 'Member',
  interested: 'Interested',
  lurking: 'Lurking',
  former: 'Former member',
}

export const rsvpLabels: Labels<typeof rsvpStates> = {
  none: 'No reply',
  going: 'Going',
  maybe: 'Maybe',
  'not-going': 'Not going',
  attended: 'Attended',
}

export const goalTargetLabels: Labels<typeof goalTargetKinds> = {
  interactions: 'Interactions',
  'meaningful-conversations': 'Meaningful conversations',
  'in-person-interactions': 'In-person interactions',
  'events-attended': 'Events attended',
  'resources-shared': 'Resources shared',
  'journal-entries': 'Journal entries',
  custom: 'Counted by hand',
}

export const goalStatusLabels: Labels<typeof goalStatuses> = {
  active: 'Active',
  achieved: 'Achieved',
  paused: 'Paused',
  dropped: 'Dropped',
}

export const journalKindLabels: Labels<typeof journalKinds> = {
  learning: 'Learning',
  setback: 'Setback',
  reflection: 'Reflection',
}

/** Options for a Mantine Select from a label map. */
export function optionsOf<T extends string>(labels: Record<T, string>): Array<{ value: T; label: string }> {
  return (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }))
}
