import { Badge, Group, Text, UnstyledButton } from '@mantine/core'
import { IconPinFilled } from '@tabler/icons-react'
import type { NoteSummary } from '@shared/api/notes'
import type { ReactNode } from 'react'
import { formatChanged, formatChangedFull } from './formatDate'
import classes from './NotesList.module.css'
import { displayTitle } from './useNoteActions'

export interface NotesListProps {
  notes: NoteSummary[]
  label: string
  selectedId?: string
  /** Without it, rows are not links (the trash has nothing to open). */
  hrefFor?: (note: NoteSummary) => string
  empty: ReactNode
  /** Extra controls per row (e.g. Restore in the trash). */
  renderActions?: (note: NoteSummary) => ReactNode
}

/** Notes, newest change first, each a link that opens the note. */
export function NotesList({ notes, label, selectedId, hrefFor, empty, renderActions }: NotesListProps) {
  if (notes.length === 0) return <div className={classes.empty}>{empty}</div>
  const sorted = [...notes].sort((a, b) => b.updatedAt - a.updatedAt)
  return (
    <ul className={classes.list} aria-label={label} data-testid="notes-list">
      {sorted.map((note) => (
        <li key={note.id} className={classes.item} data-testid="note-list-item" data-note-id={note.id}>
          {hrefFor ? (
            <UnstyledButton
              component="a"
              href={hrefFor(note)}
              className={classes.link}
              aria-current={note.id === selectedId ? 'page' : undefined}
            >
              <NoteRow note={note} />
            </UnstyledButton>
          ) : (
            <div className={classes.row}>
              <NoteRow note={note} />
            </div>
          )}
          {renderActions ? <div className={classes.actions}>{renderActions(note)}</div> : null}
        </li>
      ))}
    </ul>
  )
}

function NoteRow({ note }: { note: NoteSummary }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm" truncate="end" className={classes.title}>
          {displayTitle(note.title)}
        </Text>
        {note.pinned ? (
          <IconPinFilled size={14} className={classes.pin} aria-label="Pinned" role="img" />
        ) : null}
      </Group>
      {note.excerpt ? (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {note.excerpt}
        </Text>
      ) : null}
      <Group gap={6} mt={4} wrap="wrap">
        <Text size="xs" c="dimmed" component="time" dateTime={new Date(note.updatedAt).toISOString()} title={formatChangedFull(note.updatedAt)}>
          {formatChanged(note.updatedAt)}
        </Text>
        {note.tags.slice(0, 3).map((tag) => (
          <Badge key={tag} size="xs" variant="light" color="gray" radius="sm">
            {tag}
          </Badge>
        ))}
      </Group>
    </>
  )
}
