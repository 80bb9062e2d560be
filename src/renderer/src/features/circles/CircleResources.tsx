import { ActionIcon, Alert, Anchor, Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core'
import { IconDownload, IconFileUpload, IconTrash } from '@tabler/icons-react'
import { circleLimits, type CircleResourceView } from '@shared/api/circles'
import { useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { fileToBase64 } from '../io/bundleFiles'
import { downloadBlob } from '../network/kinds/downloadFile'
import { openExternalLink } from '../notes/editor/openExternalLink'
import type { CirclePanelProps } from './circlePanel'
import { fileSizeText, formatWhen } from './circleText'
import classes from './CircleView.module.css'

/** The circle's board of shared resources: links and files, each with how it was used in class. */
export function CircleResources({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)

  async function download(resource: CircleResourceView) {
    setError(null)
    const result = await api.call('circles.downloadFile', { circleId: circle.id, resourceId: resource.id })
    if (!result.ok) return setError(result.error.message)
    const binary = atob(result.value.base64)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    downloadBlob(new Blob([bytes], { type: result.value.mediaType }), result.value.fileName)
  }

  async function remove(resourceId: string) {
    setError(null)
    const result = await api.call('circles.removeResource', { circleId: circle.id, resourceId })
    if (result.ok) onChanged(result.value.circle)
    else setError(result.error.message)
  }

  return (
    <Stack gap="md">
      {canWrite && <AddResource circleId={circle.id} onAdded={onChanged} />}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {circle.resources.length === 0 ? (
        <Text size="sm" c="dimmed">
          No resources yet.{canWrite ? ' Share a link or a file that worked in your class.' : ''}
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Resources">
          {circle.resources.map((resource) => (
            <li key={resource.id} className={classes.item} data-testid="circle-resource">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} miw={0}>
                  {resource.url ? (
                    <Anchor
                      size="sm"
                      fw={500}
                      href={resource.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className={classes.text}
                      onClick={(event) => {
                        // One rule for every link that leaves the app (a refused one says why in a toast).
                        event.preventDefault()
                        openExternalLink(resource.url!)
                      }}
                    >
                      {resource.title}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500} className={classes.text}>
                      {resource.title}
                    </Text>
                  )}
                  {resource.file && (
                    <Text size="xs" c="dimmed">
                      {resource.file.name} · {fileSizeText(resource.file.size)}
                    </Text>
                  )}
                  {resource.howUsed && (
                    <Text size="sm" className={classes.text}>
                      <Text span size="sm" fw={500}>
                        How it was used:{' '}
                      </Text>
                      {resource.howUsed}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {resource.addedByName || 'A member'} · {formatWhen(resource.addedAt)}
                  </Text>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  {resource.file && (
                    <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} aria-label={`Download ${resource.file.name}`} onClick={() => void download(resource)}>
                      Download
                    </Button>
                  )}
                  {canWrite && resource.canRemove && (
                    <Tooltip label="Remove">
                      <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${resource.title}`} onClick={() => void remove(resource.id)}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Group>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  )
}

function AddResource({ circleId, onAdded }: { circleId: string; onAdded: CirclePanelProps['onChanged'] }) {
  const api = useApi()
  const input = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<'link' | 'file'>('link')
  const [title, setTitle] = useState('')
  const [link, setLink] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [howUsed, setHowUsed] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  function pick(picked: File | undefined) {
    setError(null)
    if (picked && picked.size > circleLimits.fileBytes) {
      setFile(null)
      setError(`A file in a circle can be at most 10 MB; “${picked.name}” is ${fileSizeText(picked.size)}.`)
      return
    }
    setFile(picked ?? null)
  }

  async function add() {
    setBusy(true)
    setError(null)
    let payload: { link: string } | { file: { name: string; mediaType: string; base64: string } }
    try {
      payload = kind === 'link' ? { link: link.trim() } : { file: { name: file!.name, mediaType: file!.type || 'application/octet-stream', base64: await fileToBase64(file!) } }
    } catch (failure) {
      setBusy(false)
      setError(failure instanceof Error ? failure.message : String(failure))
      return
    }
    const result = await api.call('circles.addResource', { circleId, title, howUsed, ...payload })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    onAdded(result.value.circle)
    setTitle('')
    setLink('')
    setFile(null)
    setHowUsed('')
  }

  const ready = kind === 'link' ? /^https?:\/\/\S+$/i.test(link.trim()) : file !== null
  return (
    <form
      aria-label="Share a resource"
      onSubmit={(event) => {
        event.preventDefault()
        if (ready) void add()
      }}
    >
      <Stack gap="xs">
        <SegmentedControl
          aria-label="Kind of resource"
          size="xs"
          value={kind}
          onChange={(value) => setKind(value as 'link' | 'file')}
          data={[
            { value: 'link', label: 'Link' },
            { value: 'file', label: 'File' },
          ]}
          w="fit-content"
        />
        {kind === 'link' ? (
          <TextInput label="Link" placeholder="https://…" type="url" maxLength={circleLimits.urlChars} value={link} onChange={(event) => setLink(event.currentTarget.value)} />
        ) : (
          <Group gap="xs">
            <input ref={input} type="file" className={classes.hiddenInput} aria-label="File to share" data-testid="circle-file-input" tabIndex={-1} onChange={(event) => pick(event.currentTarget.files?.[0])} />
            <Button variant="default" size="xs" leftSection={<IconFileUpload size={16} aria-hidden />} onClick={() => input.current?.click()}>
              Choose a file…
            </Button>
            <Text size="sm" c={file ? undefined : 'dimmed'}>
              {file ? `${file.name} (${fileSizeText(file.size)})` : 'Up to 10 MB'}
            </Text>
          </Group>
        )}
        <TextInput label="Title" description="Optional; the file name or the site is used otherwise." maxLength={circleLimits.titleChars} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <Textarea label="How I used it in class" autosize minRows={2} maxLength={circleLimits.howUsedChars} value={howUsed} onChange={(event) => setHowUsed(event.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy} disabled={!ready}>
            Share resource
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
