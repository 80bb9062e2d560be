import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import type { BundleImportResult } from '@shared/api/bundles'
import { IconFileExport, IconFileImport } from '@tabler/icons-react'
import { useRef, useState, type ChangeEvent } from 'react'
import { formatRoute } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { bundleDocumentRoute, bundleOutcomeText } from './bundleOutcome'
import { displayTitle } from '../notes/useNoteActions'
import { downloadBundle, fileToBase64 } from './bundleFiles'
import classes from './IoView.module.css'

/**
 * Offline bundles: one note in a file for a colleague who cannot sync directly (USB stick,
 * email). Importing merges it into the copy here, or adds it; a refused file changes nothing.
 */
export function BundlePanel() {
  const api = useApi()
  const input = useRef<HTMLInputElement>(null)
  // Loaded when the picker first opens: most visits to this screen are for the other panels.
  const [options, setOptions] = useState<Array<{ value: string; label: string }> | null>(null)
  const [noteId, setNoteId] = useState<string | null>(null)
  const [busy, setBusy] = useState<'export' | 'import' | null>(null)
  const [imported, setImported] = useState<BundleImportResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  async function exportNote() {
    if (!noteId) return
    setBusy('export')
    const result = await api.call('bundles.export', { documentId: noteId })
    setBusy(null)
    if (result.ok) downloadBundle(result.value)
  }

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    event.currentTarget.value = ''
    if (!file) return
    setBusy('import')
    setImported(null)
    setProblem(null)
    // A file that cannot be read at all is refused here, like a damaged one.
    let base64: string
    try {
      base64 = await fileToBase64(file)
    } catch (error) {
      setBusy(null)
      setProblem(error instanceof Error ? error.message : String(error))
      return
    }
    const result = await api.call('bundles.import', { base64 })
    setBusy(null)
    if (result.ok) setImported(result.value)
    else setProblem(result.error.message)
  }

  async function loadNotes() {
    if (options) return
    const result = await api.call('notes.list', { filter: 'active', limit: 1000 })
    if (result.ok) setOptions(result.value.notes.map((note) => ({ value: note.id, label: displayTitle(note.title) })))
  }

  return (
    <section aria-labelledby="bundles-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="bundles-heading">
          Offline bundles
        </Title>
        <Text size="sm">One note in a file, for a colleague you cannot sync with directly. Opening it on their side merges it with any copy they have.</Text>
        <Group align="flex-end" wrap="wrap">
          <Select
            label="Note to put in a bundle"
            placeholder="Pick a note"
            data={options ?? []}
            value={noteId}
            onChange={setNoteId}
            onDropdownOpen={() => void loadNotes()}
            searchable
            nothingFoundMessage={options ? 'No note matches' : 'Loading notes…'}
            w={320}
          />
          <Button leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => void exportNote()} disabled={!noteId} loading={busy === 'export'}>
            Save bundle
          </Button>
        </Group>
        <Group>
          <input ref={input} type="file" accept=".staffroom" className={classes.hiddenInput} onChange={(event) => void picked(event)} aria-label="Bundle file" data-testid="bundle-file-input" tabIndex={-1} />
          <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => input.current?.click()} loading={busy === 'import'}>
            Open a bundle…
          </Button>
        </Group>
        {imported ? (
          <Alert color="teal" title={bundleOutcomeText(imported, 'the bundle').title} role="status">
            {bundleOutcomeText(imported, 'the bundle').message} <a href={formatRoute(bundleDocumentRoute(imported))}>Open it</a>
          </Alert>
        ) : null}
        {problem ? (
          <Alert color="red" title="This file was not imported" role="alert">
            {problem} Nothing was changed.
          </Alert>
        ) : null}
      </Stack>
    </section>
  )
}
