import { Badge, Button, Group, Stack, Text, Textarea, UnstyledButton } from '@mantine/core'
import { commentLimits, type CommentReplyView, type CommentThreadView } from '@shared/api/projectComments'
import { useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'
import { formatChanged, formatChangedFull } from '../../notes/formatDate'
import classes from './CommentsPanel.module.css'

export interface CommentThreadCardProps {
  projectId: string
  thread: CommentThreadView
  selected: boolean
  /** No replying, resolving or deleting (a project saved by a newer Staffroom). */
  readOnly: boolean
  onSelect: () => void
  /** After any change, so the list is fetched again. */
  onChanged: () => void
}

const displayName = (name: string) => name.trim() || 'Someone'
/** A quote short enough for a button's accessible name. */
const shortQuote = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 79)}…` : quote)

function Byline({ name, at }: { name: string; at: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} truncate>
        {displayName(name)}
      </Text>
      <Text size="xs" c="dimmed" component="time" dateTime={new Date(at).toISOString()} title={formatChangedFull(at)}>
        {formatChanged(at)}
      </Text>
    </Group>
  )
}

/** One comment thread: the quoted text, the comment, its replies, and what this person may do with it. */
export function CommentThreadCard({ projectId, thread, selected, readOnly, onSelect, onChanged }: CommentThreadCardProps) {
  const api = useApi()
  const [replying, setReplying] = useState(false)
  const [reply, setReply] = useState('')
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [busy, setBusy] = useState(false)
  const author = displayName(thread.authorName)

  async function run(action: () => Promise<{ ok: boolean }>, after?: () => void) {
    setBusy(true)
    const result = await action()
    setBusy(false)
    if (!result.ok) return
    after?.()
    onChanged()
  }

  const sendReply = () =>
    run(
      () => api.call('projects.replyToComment', { projectId, commentId: thread.id, body: reply }),
      () => {
        setReply('')
        setReplying(false)
      },
    )
  const setResolved = (resolved: boolean) => run(() => api.call(resolved ? 'projects.resolveComment' : 'projects.reopenComment', { projectId, commentId: thread.id }))
  const deleteThread = () => run(() => api.call('projects.deleteComment', { projectId, commentId: thread.id }))
  const deleteReply = (r: CommentReplyView) => run(() => api.call('projects.deleteComment', { projectId, commentId: thread.id, replyId: r.id }))

  return (
    <article className={classes.card} data-selected={selected || undefined} data-comment-thread={thread.id} aria-label={`Comment by ${author}`} aria-current={selected || undefined}>
      <Stack gap="xs">
        <UnstyledButton className={classes.quote} onClick={onSelect} aria-label={`Show in the text: “${shortQuote(thread.quote)}”`} aria-pressed={selected}>
          <Text size="sm" lineClamp={3} td={thread.detached ? 'line-through' : undefined}>
            {thread.quote}
          </Text>
        </UnstyledButton>
        {(thread.detached || thread.resolvedAt !== null) && (
          <Group gap={6}>
            {thread.detached && (
              <Badge size="sm" variant="light" color="gray">
                Text deleted
              </Badge>
            )}
            {thread.resolvedAt !== null && (
              <Badge size="sm" variant="light" color="green">
                Resolved
              </Badge>
            )}
          </Group>
        )}
        <Byline name={thread.authorName} at={thread.createdAt} />
        <Text size="sm" className={classes.body}>
          {thread.body}
        </Text>
        {thread.replies.length > 0 && (
          <Stack gap="xs" className={classes.replies} component="ul" aria-label={`Replies to ${author}`}>
            {thread.replies.map((r) => (
              <li key={r.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Byline name={r.authorName} at={r.createdAt} />
                  {r.canDelete && !readOnly && (
                    <Button variant="subtle" color="red" size="compact-xs" disabled={busy} onClick={() => void deleteReply(r)} aria-label={`Delete reply by ${displayName(r.authorName)}`}>
                      Delete
                    </Button>
                  )}
                </Group>
                <Text size="sm" className={classes.body}>
                  {r.body}
                </Text>
              </li>
            ))}
          </Stack>
        )}
        {replying && !readOnly && (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              if (reply.trim()) void sendReply()
            }}
          >
            <Stack gap="xs">
              <Textarea label={`Reply to ${author}`} value={reply} onChange={(e) => setReply(e.currentTarget.value)} autosize minRows={2} maxRows={8} maxLength={commentLimits.bodyChars} data-autofocus autoFocus />
              <Group gap="xs">
                <Button type="submit" size="xs" disabled={busy || !reply.trim()}>
                  Send reply
                </Button>
                <Button variant="default" size="xs" onClick={() => setReplying(false)}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {confirmingDelete && !readOnly ? (
          <Group gap="xs" role="group" aria-label="Confirm delete">
            <Text size="sm">Delete this comment and its replies for everyone?</Text>
            <Button color="red" size="xs" disabled={busy} onClick={() => void deleteThread()}>
              Delete comment
            </Button>
            <Button variant="default" size="xs" onClick={() => setConfirmingDelete(false)} autoFocus>
              Keep it
            </Button>
          </Group>
        ) : (
          !readOnly && (
            <Group gap="xs">
              {!replying && (
                <Button variant="subtle" size="compact-sm" onClick={() => setReplying(true)} aria-label={`Reply to ${author}`}>
                  Reply
                </Button>
              )}
              {thread.canResolve &&
                (thread.resolvedAt === null ? (
                  <Button variant="subtle" size="compact-sm" disabled={busy} onClick={() => void setResolved(true)} aria-label={`Resolve comment by ${author}`}>
                    Resolve
                  </Button>
                ) : (
                  <Button variant="subtle" size="compact-sm" disabled={busy} onClick={() => void setResolved(false)} aria-label={`Reopen comment by ${author}`}>
                    Reopen
                  </Button>
                ))}
              {thread.canDelete && (
                <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirmingDelete(true)} aria-label={`Delete comment by ${author}`}>
                  Delete
                </Button>
              )}
            </Group>
          )
        )}
      </Stack>
    </article>
  )
}
