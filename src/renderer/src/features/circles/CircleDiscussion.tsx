import { ActionIcon, Alert, Button, Group, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { circleLimits, type CircleReaction, type CircleThreadView, type CircleView } from '@shared/api/circles'
import type { RpcResult } from '@shared/errors'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import type { CirclePanelProps } from './circlePanel'
import { CircleReactions } from './CircleReactions'
import { formatWhen } from './circleText'
import classes from './CircleView.module.css'

type CircleResult = RpcResult<{ circle: CircleView }>

/** Discussion threads, most recent activity first, each with its replies and reactions. */
export function CircleDiscussion({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)

  /** Runs a change; shows the circle it returns, or says why it was refused. */
  async function apply(result: Promise<CircleResult>): Promise<boolean> {
    setError(null)
    const answer = await result
    if (!answer.ok) {
      setError(answer.error.message)
      return false
    }
    onChanged(answer.value.circle)
    return true
  }

  const react = (threadId: string, replyId: string | null) => (emoji: CircleReaction, on: boolean) => void apply(api.call('circles.react', { circleId: circle.id, threadId, replyId, emoji, on }))
  const remove = (threadId: string, replyId: string | null) => void apply(api.call('circles.deleteMessage', { circleId: circle.id, threadId, replyId }))

  return (
    <Stack gap="md">
      {canWrite && <NewThread onStart={(title, body) => apply(api.call('circles.addThread', { circleId: circle.id, title, body }))} />}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {circle.threads.length === 0 ? (
        <Text size="sm" c="dimmed">
          No threads yet.{canWrite ? ' Start one above: a question, an idea, something that worked.' : ''}
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Threads">
          {circle.threads.map((thread) => (
            <li key={thread.id} className={classes.item} data-testid="circle-thread">
              <Thread
                thread={thread}
                canWrite={canWrite}
                onReact={canWrite ? react : undefined}
                onDelete={remove}
                onReply={(body) => apply(api.call('circles.reply', { circleId: circle.id, threadId: thread.id, body }))}
              />
            </li>
          ))}
        </ul>
      )}
    </Stack>
  )
}

interface ThreadProps {
  thread: CircleThreadView
  canWrite: boolean
  onReact: ((threadId: string, replyId: string | null) => (emoji: CircleReaction, on: boolean) => void) | undefined
  onDelete: (threadId: string, replyId: string | null) => void
  onReply: (body: string) => Promise<boolean>
}

function Thread({ thread, canWrite, onReact, onDelete, onReply }: ThreadProps) {
  const headingId = `thread-${thread.id}`
  return (
    <article aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} size="h5" id={headingId} className={classes.text}>
              {thread.title}
            </Title>
            <Text size="xs" c="dimmed">
              {thread.authorName || 'A member'} · {formatWhen(thread.createdAt)}
            </Text>
          </div>
          {canWrite && thread.canDelete && <DeleteButton label={`Delete the thread “${thread.title}”`} onClick={() => onDelete(thread.id, null)} />}
        </Group>
        {thread.body && (
          <Text size="sm" className={classes.text}>
            {thread.body}
          </Text>
        )}
        <CircleReactions reactions={thread.reactions} target={`the thread “${thread.title}”`} onToggle={onReact?.(thread.id, null)} />
        {thread.replies.length > 0 && (
          <ul className={classes.replies} aria-label={`Replies to “${thread.title}”`}>
            {thread.replies.map((reply) => (
              <li key={reply.id} data-testid="circle-reply">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Text size="xs" c="dimmed">
                      {reply.authorName || 'A member'} · {formatWhen(reply.createdAt)}
                    </Text>
                    <Text size="sm" className={classes.text}>
                      {reply.body}
                    </Text>
                  </Stack>
                  {canWrite && reply.canDelete && <DeleteButton label={`Delete the reply by ${reply.authorName || 'a member'}`} onClick={() => onDelete(thread.id, reply.id)} />}
                </Group>
                <CircleReactions reactions={reply.reactions} target={`the reply by ${reply.authorName || 'a member'}`} onToggle={onReact?.(thread.id, reply.id)} />
              </li>
            ))}
          </ul>
        )}
        {canWrite && <ReplyForm threadTitle={thread.title} onReply={onReply} />}
      </Stack>
    </article>
  )
}

function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Tooltip label="Delete">
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  )
}

function ReplyForm({ threadTitle, onReply }: { threadTitle: string; onReply: (body: string) => Promise<boolean> }) {
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <form
      aria-label={`Reply to “${threadTitle}”`}
      onSubmit={(event) => {
        event.preventDefault()
        if (!body.trim()) return
        setBusy(true)
        void onReply(body).then((sent) => {
          setBusy(false)
          if (sent) setBody('')
        })
      }}
    >
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea aria-label={`Your reply to “${threadTitle}”`} placeholder="Write a reply" autosize minRows={1} flex={1} maxLength={circleLimits.messageChars} value={body} onChange={(event) => setBody(event.currentTarget.value)} />
        <Button type="submit" size="xs" variant="light" loading={busy} disabled={!body.trim()}>
          Reply
        </Button>
      </Group>
    </form>
  )
}

function NewThread({ onStart }: { onStart: (title: string, body: string) => Promise<boolean> }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [busy, setBusy] = useState(false)
  return (
    <form
      aria-label="New thread"
      onSubmit={(event) => {
        event.preventDefault()
        if (!title.trim()) return
        setBusy(true)
        void onStart(title, body).then((started) => {
          setBusy(false)
          if (started) {
            setTitle('')
            setBody('')
          }
        })
      }}
    >
      <Stack gap="xs">
        <TextInput label="New thread" placeholder="What do you want to talk about?" maxLength={circleLimits.titleChars} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <Textarea aria-label="Thread message" placeholder="Say more (optional)" autosize minRows={2} maxLength={circleLimits.messageChars} value={body} onChange={(event) => setBody(event.currentTarget.value)} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy} disabled={!title.trim()}>
            Start thread
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
