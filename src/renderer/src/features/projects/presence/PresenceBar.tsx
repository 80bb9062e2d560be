import { Avatar, Tooltip, VisuallyHidden } from '@mantine/core'
import classes from './PresenceBar.module.css'
import { initials, presenceColour } from './presenceColour'
import type { PresenceUser, PresentPeer } from './useProjectPresence'

/** `initialsOf` is the bare name, so "Ada Lovelace (you)" shows "AL", not "A(". */
function PersonAvatar({ name, initialsOf = name, colour, testId }: { name: string; initialsOf?: string; colour: string; testId: string }) {
  return (
    <li className={classes.person} data-testid={testId}>
      <Tooltip label={name} withArrow>
        {/* The initials are decoration; the name is read from the hidden text. */}
        <Avatar size={28} radius="xl" variant="filled" color={colour} aria-hidden>
          {initials(initialsOf)}
        </Avatar>
      </Tooltip>
      <VisuallyHidden>{name}</VisuallyHidden>
    </li>
  )
}

/** Who has this project open right now: me first, then the others, each in their caret colour. */
export function PresenceBar({ peers, me }: { peers: readonly PresentPeer[]; me?: PresenceUser | null }) {
  const count = peers.length + (me ? 1 : 0)
  return (
    <ul className={classes.bar} aria-label={`In this project now: ${count} ${count === 1 ? 'person' : 'people'}`}>
      {me ? <PersonAvatar name={`${me.name} (you)`} initialsOf={me.name} colour={presenceColour(me.deviceId)} testId="presence-me" /> : null}
      {peers.map((peer) => (
        <PersonAvatar key={peer.deviceId} name={peer.name} colour={peer.colour} testId="presence-peer" />
      ))}
    </ul>
  )
}
