import { Loader, Stack, TextInput, Title } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { formatRoute, useRoute, type Route } from '../../app/route'
import { EmptyState } from '../../components/EmptyState'
import { ErrorBoundary } from '../../components/ErrorBoundary'
import { NoteEditor } from '../notes/NoteEditor'
import viewClasses from '../notes/NotesView.module.css'
import { SearchHitLink } from './SearchHitLink'
import classes from './SearchView.module.css'
import { useNoteSearch } from './useNoteSearch'

/** A search field and its hits beside the open note; the query lives in the URL. */
export function SearchView({ route }: { route: Route }) {
  const [, go] = useRoute()
  const query = route.query ?? ''
  const search = useNoteSearch(query, 50)

  return (
    <div className={viewClasses.split}>
      <section className={viewClasses.listPane} aria-label="Search">
        <Stack gap="xs" className={viewClasses.listHeader}>
          <Title order={1} size="h5">
            Search
          </Title>
          <TextInput
            type="search"
            aria-label="Search notes"
            placeholder="Search notes"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={search.searching ? <Loader size="xs" role="status" aria-label="Searching" /> : null}
            value={query}
            onChange={(event) => go({ ...route, query: event.currentTarget.value }, { replace: true })}
            data-autofocus
            autoFocus
          />
        </Stack>
        <div className={viewClasses.listScroll} role="region" aria-label="Search results" aria-live="polite">
          {!query.trim() ? (
            <EmptyState title="Search your notes">Type a word from a title or the text of a note.</EmptyState>
          ) : search.answered && search.hits.length === 0 && !search.searching ? (
            <EmptyState title="Nothing found">No note contains “{search.answered}”. Try a shorter or different word.</EmptyState>
          ) : (
            <ul className={classes.hits} aria-label="Matching notes" data-testid="search-results">
              {search.hits.map((hit) => (
                <li key={hit.id} data-testid="search-hit">
                  <SearchHitLink hit={hit} href={formatRoute({ ...route, noteId: hit.id })} current={hit.id === route.noteId} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className={viewClasses.editorPane} aria-label="Open note">
        <ErrorBoundary area="the note editor" resetKey={route.noteId}>
          {route.noteId ? (
            <NoteEditor key={route.noteId} noteId={route.noteId} />
          ) : (
            <EmptyState title="No note open">Pick a search result to open the note.</EmptyState>
          )}
        </ErrorBoundary>
      </section>
    </div>
  )
}
