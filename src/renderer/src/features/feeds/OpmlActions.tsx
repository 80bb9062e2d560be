import { Alert, Button, Group, List, Text } from '@mantine/core'
import type { OpmlImportResult } from '@shared/api/feeds'
import { IconDownload, IconFileImport } from '@tabler/icons-react'
import { useRef, useState, type ChangeEvent } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { fileToBase64 } from '../io/bundleFiles'
import { downloadBlob } from '../network/kinds/downloadFile'
import classes from './Feeds.module.css'

/** The contract carries at most 40 million base64 characters; the core refuses files over 10 MB with its own words. */
const maxUploadBytes = 30_000_000

/** A file of thousands of outlines would bury the screen; the first ones show what went wrong. */
const shownSkipped = 50

type ImportOutcome = { fileName: string; result: OpmlImportResult } | { fileName: string; error: string }

function feedsPhrase(count: number): string {
  return `${count} feed${count === 1 ? '' : 's'}`
}

/** Bring feeds over from another reader (OPML), and take them out again. */
export function OpmlActions({ onImported }: { onImported: () => void }) {
  const api = useApi()
  const input = useRef<HTMLInputElement>(null)
  const [importing, setImporting] = useState(false)
  const [exporting, setExporting] = useState(false)
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null)

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    // Cleared so choosing the same file again (after fixing it) reads it again.
    event.currentTarget.value = ''
    if (!file) return
    if (file.size > maxUploadBytes) {
      setOutcome({ fileName: file.name, error: `This file is ${(file.size / 1_000_000).toFixed(1)} MB, far larger than any list of feeds; nothing was imported.` })
      return
    }
    setImporting(true)
    setOutcome(null)
    try {
      const base64 = await fileToBase64(file)
      const result = await api.call('feeds.importOpml', { fileName: file.name, base64 })
      setOutcome(result.ok ? { fileName: file.name, result: result.value } : { fileName: file.name, error: result.error.message })
      if (result.ok) onImported()
    } catch {
      setOutcome({ fileName: file.name, error: 'The file could not be read. Check that it is still there and try again.' })
    } finally {
      setImporting(false)
    }
  }

  async function exportOpml() {
    setExporting(true)
    try {
      const result = await api.call('feeds.exportOpml', {})
      if (result.ok) downloadBlob(new Blob([result.value.text], { type: 'text/x-opml' }), result.value.fileName)
    } finally {
      setExporting(false)
    }
  }

  return (
    <>
      <Group gap="sm">
        <input
          ref={input}
          type="file"
          accept=".opml,.xml,text/x-opml,application/xml,text/xml"
          className={classes.hiddenInput}
          onChange={(event) => void picked(event)}
          aria-label="OPML file"
          data-testid="opml-file-input"
          tabIndex={-1}
        />
        <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={importing} onClick={() => input.current?.click()}>
          Import OPML…
        </Button>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporting} onClick={() => void exportOpml()}>
          Export OPML
        </Button>
      </Group>
      {outcome && <ImportOutcomeView outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  )
}

function ImportOutcomeView({ outcome, onClose }: { outcome: ImportOutcome; onClose: () => void }) {
  if ('error' in outcome) {
    return (
      <Alert color="red" role="alert" title={`“${outcome.fileName}” was not imported`} withCloseButton closeButtonLabel="Dismiss" onClose={onClose} data-testid="opml-import-result">
        {outcome.error} No feeds were added.
      </Alert>
    )
  }
  const { added, alreadyFollowed, skipped } = outcome.result
  return (
    <Alert color="green" role="status" title={`Imported “${outcome.fileName}”`} withCloseButton closeButtonLabel="Dismiss" onClose={onClose} data-testid="opml-import-result">
      <Text size="sm">
        Added {feedsPhrase(added)}. {alreadyFollowed > 0 ? `${feedsPhrase(alreadyFollowed)} already followed. ` : ''}
        {skipped.length > 0 ? `${skipped.length} skipped:` : ''}
      </Text>
      {skipped.length > 0 && (
        <List size="sm" className={classes.messages}>
          {skipped.slice(0, shownSkipped).map((entry, index) => (
            <List.Item key={index}>
              {entry.title || 'Untitled outline'}: {entry.reason}
            </List.Item>
          ))}
          {skipped.length > shownSkipped && <List.Item>and {skipped.length - shownSkipped} more</List.Item>}
        </List>
      )}
    </Alert>
  )
}
