import * as A from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import { Alert, Button, Group, Loader, Stack, Switch, Text, Textarea, Title } from '@mantine/core'
import { commentLimits, type CommentThreadView } from '@shared/api/projectComments'
import { commentTextPath, resolveAnchor } from '@shared/spaces/commentAnchor'
import type { EditorView } from 'prosemirror-view'
import { useCallback, useEffect, useId, useState } from 'react'
import { isMac, shortcutLabel } from '../../../components/shortcuts'
import { useApi } from '../../../platform/PlatformContext'
import { CommentThreadCard } from './CommentThreadCard'
import { currentCommentHighlights, setCommentHighlights, type CommentHighlight } from './commentHighlights'
import classes from './CommentsPanel.module.css'
import { amRangeToPmRange, pmRangeToAmRange } from './positionMapping'
import { useCommentThreads } from './useCommentThreads'

export interface CommentsPanelProps {
  projectId: string
  /** The renderer's handle on the project document (the one the editor is bound to). */
  handle: DocHandle<unknown>
  /** The project body's editor, once it is mounted. */
  view: EditorView | null
  /** Nothing can be added or changed (a project saved by a newer Staffroom). Viewers still comment. */
  readOnly: boolean
}

/** What was selected when the person chose "Comment on selection", kept while they write. */
interface Draft {
  from: number
  to: number
  heads: A.Heads
  quote: string
}

const path = [...commentTextPath]
export const commentShortcutLabel = isMac ? '⌥⌘M' : shortcutLabel('Alt+M')

/** Mod-Alt-m; `code`, since Alt changes the character typed (µ on a Mac). */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (isMac ? event.metaKey : event.ctrlKey) && event.altKey && !event.shiftKey && event.code === 'KeyM'
}

/** The element carrying `attribute` = id; ids come from the document, so they are compared, never put in a selector. */
function elementFor(root: ParentNode, attribute: string, id: string): Element | undefined {
  return [...root.querySelectorAll(`[${attribute}]`)].find((el) => el.getAttribute(attribute) === id)
}

/** Each open thread's range in the editor, placed on the renderer's own copy of the document. */
function highlightsFor(threads: readonly CommentThreadView[], handle: DocHandle<unknown>, view: EditorView): CommentHighlight[] {
  const doc = handle.doc()
  const spans = A.spans(doc, path)
  return threads.flatMap((thread) => {
    if (thread.resolvedAt !== null) return []
    // The core's indices are a fallback for an anchor this copy cannot place yet.
    const range = resolveAnchor(doc, thread.anchor) ?? thread
    if (range.detached) return []
    const placed = amRangeToPmRange(view.state.doc, spans, range)
    return placed ? [{ id: thread.id, ...placed }] : []
  })
}

/** The project's comment threads beside its editor, in document order, with a way to comment on the selected text. */
export function CommentsPanel({ projectId, handle, view, readOnly }: CommentsPanelProps) {
  const api = useApi()
  const { threads, canComment, refresh } = useCommentThreads(projectId, handle)
  const [showResolved, setShowResolved] = useState(false)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [draftBody, setDraftBody] = useState('')
  const [notice, setNotice] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const headingId = useId()
  const writable = !readOnly && canComment

  useEffect(() => {
    if (!view || view.isDestroyed || !threads) return
    const highlights = highlightsFor(threads, handle, view)
    // Most refreshes (after typing) change nothing; an empty transaction would still re-render the editor.
    const current = currentCommentHighlights(view.state)
    if (current.selectedId === selectedId && JSON.stringify(current.highlights) === JSON.stringify(highlights)) return
    setCommentHighlights(view, highlights, selectedId)
  }, [threads, view, handle, selectedId])

  const startComment = useCallback(() => {
    if (!view || !writable) return
    const { from, to } = view.state.selection
    const doc = handle.doc()
    const range = pmRangeToAmRange(view.state.doc, A.spans(doc, path), { from, to })
    if (!range) {
      setNotice('Select some text in the project first, then comment on it.')
      return
    }
    setNotice(null)
    setDraft({ ...range, heads: A.getHeads(doc), quote: view.state.doc.textBetween(from, to, '\n').trim() })
  }, [view, handle, writable])

  // In the editor: the shortcut starts a comment, and a click on highlighted text selects its thread.
  useEffect(() => {
    if (!view) return
    const dom = view.dom
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return
      event.preventDefault()
      startComment()
    }
    const onClick = (event: MouseEvent) => {
      const id = (event.target as Element | null)?.closest?.('[data-comment-id]')?.getAttribute('data-comment-id')
      if (!id) return
      setSelectedId(id)
      elementFor(document, 'data-comment-thread', id)?.scrollIntoView({ block: 'nearest' })
    }
    dom.addEventListener('keydown', onKeyDown)
    dom.addEventListener('click', onClick)
    return () => {
      dom.removeEventListener('keydown', onKeyDown)
      dom.removeEventListener('click', onClick)
    }
  }, [view, startComment])

  async function submitDraft() {
    if (!draft || !draftBody.trim()) return
    setSending(true)
    const result = await api.call('projects.addComment', { projectId, from: draft.from, to: draft.to, heads: draft.heads, body: draftBody })
    setSending(false)
    if (!result.ok) return
    setDraft(null)
    setDraftBody('')
    setSelectedId(result.value.thread.id)
    view?.focus()
    await refresh()
  }

  function cancelDraft() {
    setDraft(null)
    view?.focus()
  }

  function select(id: string) {
    setSelectedId(id)
    if (view) elementFor(view.dom, 'data-comment-id', id)?.scrollIntoView({ block: 'nearest' })
  }

  const shown = (threads ?? []).filter((t) => showResolved || t.resolvedAt === null)
  const hiddenResolved = (threads ?? []).length - shown.length

  return (
    <section className={classes.root} aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4" id={headingId}>
          Comments
        </Title>
        <Switch size="sm" label="Show resolved" checked={showResolved} onChange={(e) => setShowResolved(e.currentTarget.checked)} />
      </Group>
      {writable && !draft && (
        <Button variant="light" size="xs" onClick={startComment} disabled={!view} aria-keyshortcuts={isMac ? 'Meta+Alt+M' : 'Control+Alt+M'} title={`Comment on the selected text (${commentShortcutLabel})`}>
          Comment on selection
        </Button>
      )}
      {notice && (
        <Text size="sm" role="status">
          {notice}
        </Text>
      )}
      {draft && (
        <form
          className={classes.composer}
          onSubmit={(event) => {
            event.preventDefault()
            void submitDraft()
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelDraft()
          }}
        >
          <Stack gap="xs">
            <Text size="sm" className={classes.draftQuote} lineClamp={3}>
              {draft.quote}
            </Text>
            <Textarea label="Your comment" value={draftBody} onChange={(e) => setDraftBody(e.currentTarget.value)} autosize minRows={2} maxRows={10} maxLength={commentLimits.bodyChars} autoFocus />
            <Group gap="xs">
              <Button type="submit" size="xs" disabled={sending || !draftBody.trim()}>
                Comment
              </Button>
              <Button variant="default" size="xs" onClick={cancelDraft}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {threads === null ? (
        <Group gap="xs" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">Loading comments…</Text>
        </Group>
      ) : shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {hiddenResolved > 0 ? `No open comments (${hiddenResolved} resolved).` : writable ? `No comments yet. Select text in the project and choose Comment on selection (${commentShortcutLabel}).` : 'No comments yet.'}
        </Text>
      ) : (
        <Stack gap="sm" className={classes.list}>
          {shown.map((thread) => (
            <CommentThreadCard key={thread.id} projectId={projectId} thread={thread} selected={thread.id === selectedId} readOnly={!writable} onSelect={() => select(thread.id)} onChanged={() => void refresh()} />
          ))}
        </Stack>
      )}
      {!canComment && !readOnly && (
        <Alert color="gray" variant="light">
          This project was saved by a newer version of Staffroom; update Staffroom to comment on it.
        </Alert>
      )}
    </section>
  )
}
