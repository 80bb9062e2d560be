import { Button, Group } from '@mantine/core'
import { circleReactions, type CircleReaction, type CircleReactionCount } from '@shared/api/circles'
import { reactionNames } from './circleText'

interface CircleReactionsProps {
  reactions: CircleReactionCount[]
  /** What the reactions are on, for screen readers ("the thread “…”", "Ann’s reply"). */
  target: string
  /** Absent for a reader: the counts are shown, not offered. */
  onToggle?: (emoji: CircleReaction, on: boolean) => void
}

/** The fixed set of reactions as toggle buttons with counts; a reader sees only those given. */
export function CircleReactions({ reactions, target, onToggle }: CircleReactionsProps) {
  const counts = new Map(reactions.map((r) => [r.emoji, r]))
  const shown = onToggle ? circleReactions : circleReactions.filter((emoji) => counts.has(emoji))
  if (shown.length === 0) return null
  return (
    <Group gap={4} role="group" aria-label={`Reactions to ${target}`}>
      {shown.map((emoji) => {
        const given = counts.get(emoji)
        const count = given?.count ?? 0
        const label = `${reactionNames[emoji]}: ${count}${given?.mine ? ', including you' : ''}`
        return (
          <Button
            key={emoji}
            size="compact-xs"
            variant={given?.mine ? 'light' : 'subtle'}
            color={given?.mine ? 'blue' : 'gray'}
            aria-label={label}
            aria-pressed={onToggle ? Boolean(given?.mine) : undefined}
            disabled={!onToggle}
            onClick={() => onToggle?.(emoji, !given?.mine)}
          >
            <span aria-hidden>
              {emoji}
              {count > 0 ? ` ${count}` : ''}
            </span>
          </Button>
        )
      })}
    </Group>
  )
}
