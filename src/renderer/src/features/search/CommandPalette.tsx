import { Spotlight } from '@mantine/spotlight'
import { IconMessagePlus, IconPlus, IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useRoute } from '../../app/route'
import { Snippet, snippetText } from '../../components/Snippet'
import { logInteractionShortcut, newNoteShortcut } from '../../components/shortcuts'
import { usePlatform } from '../../platform/PlatformContext'
import { quickLog } from '../interactions/quickLogStore'
import { useNoteActions } from '../notes/useNoteActions'
import classes from './CommandPalette.module.css'
import { highlightFirstAction, paletteStore } from './paletteStore'
import { hitIcons, hitKindLabels, useOpenHit } from './openHit'
import { useAnySearch } from './useAnySearch'

/** Mod-K: search everything as you type (Enter opens the highlighted hit), or run a command. */
export function CommandPalette() {
  const [query, setQuery] = useState('')
  const [, go] = useRoute()
  const { createNote } = useNoteActions()
  const { shell } = usePlatform()
  const search = useAnySearch(query)
  const openHit = useOpenHit()
  const trimmed = query.trim().toLowerCase()
  const hitsKey = search.hits.map((hit) => hit.id).join(',')

  // Hits arrive after the debounce; highlight the best one so Enter opens it.
  useEffect(() => {
    if (hitsKey) highlightFirstAction(paletteStore)
  }, [hitsKey])

  const commands = [
    { id: 'log-interaction', label: 'Log interaction', hint: logInteractionShortcut(shell), icon: IconMessagePlus, run: () => quickLog.open() },
    { id: 'new-contact', label: 'New contact', hint: '', icon: IconUserPlus, run: () => go({ section: 'contacts', recordId: 'new' }) },
    { id: 'new-note', label: 'New note', hint: newNoteShortcut(shell), icon: IconPlus, run: () => void createNote() },
    { id: 'show-trash', label: 'Show trash', hint: '', icon: IconTrash, run: () => go({ section: 'trash' }) },
  ].filter((command) => !trimmed || command.label.toLowerCase().includes(trimmed))

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      triggerOnContentEditable
      tagsToIgnore={[]}
      scrollable
      maxHeight={420}
      // The dialog needs a name; Modal only derives one from a title, which Spotlight does not show.
      attributes={{ content: { 'aria-label': 'Search notes and commands' } }}
    >
      <Spotlight.Search
        placeholder="Search notes, people, events… or type a command"
        aria-label="Search everything or type a command"
        leftSection={<IconSearch size={18} aria-hidden />}
        data-testid="palette-input"
      />
      <Spotlight.ActionsList data-testid="palette-results">
        {search.hits.map((hit) => {
          const Icon = hitIcons[hit.kind]
          return (
            <Spotlight.Action key={`${hit.kind}:${hit.id}`} data-testid="palette-hit" data-kind={hit.kind} onClick={() => void openHit(hit)}>
              <Icon size={18} aria-label={hitKindLabels[hit.kind]} role="img" className={classes.hitIcon} />
              <div className={classes.hit}>
                <div className={classes.hitTitle}>
                  {snippetText(hit.title).trim() ? <Snippet parts={hit.title} /> : hit.kind === 'note' ? 'Untitled note' : 'Untitled'}
                </div>
                {hit.detail ? <div className={classes.hitSnippet}>{hit.detail}</div> : null}
                {hit.snippet.length ? (
                  <div className={classes.hitSnippet}>
                    <Snippet parts={hit.snippet} />
                  </div>
                ) : null}
              </div>
            </Spotlight.Action>
          )
        })}
        {/* Commands the text names come before the full-text fallback: Mod+K, “log”, Enter logs an interaction. */}
        {commands.map((command) => (
          <Spotlight.Action
            key={command.id}
            label={command.label}
            leftSection={<command.icon size={18} aria-hidden />}
            rightSection={command.hint || null}
            onClick={command.run}
          />
        ))}
        {trimmed ? (
          <Spotlight.Action
            label={`Search all notes for “${query.trim()}”`}
            leftSection={<IconSearch size={18} aria-hidden />}
            onClick={() => go({ section: 'search', query: query.trim() })}
          />
        ) : null}
        {trimmed && search.answered && search.hits.length === 0 && !search.searching ? (
          <Spotlight.Empty>Nothing matches “{query.trim()}”.</Spotlight.Empty>
        ) : null}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  )
}
