import { Alert, Button, Group, Loader, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core'
import { importFormats, type ImportFormat } from '@shared/api/io'
import { IconFileImport } from '@tabler/icons-react'
import { useRef, type ChangeEvent } from 'react'
import { commitLabel, guessImportFormat, importAccept, importFormatLabels } from './importFile'
import { ImportPreviewView } from './ImportPreviewView'
import classes from './IoView.module.css'
import { useImport } from './useImport'

const formatOptions = importFormats.map((format) => ({ value: format, label: importFormatLabels[format] }))

/** Pick a file, see what it would add, then import it all or cancel. */
export function ImportPanel() {
  const input = useRef<HTMLInputElement>(null)
  const io = useImport()
  const { preview, step, progress } = io
  const busy = step === 'reading' || step === 'previewing' || step === 'importing'

  function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0]
    // Cleared so choosing the same file again (after fixing it) reads it again.
    event.currentTarget.value = ''
    if (file) void io.choose(file, guessImportFormat(file.name))
  }

  return (
    <section aria-labelledby="import-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-heading">
          Import
        </Title>
        <Text size="sm" c="dimmed">
          Contacts from vCard (Google, Apple, Outlook) or CSV, or a Staffroom backup. Nothing is written until you press Import, and a file with
          errors is not imported at all.
        </Text>
        <Group align="flex-end" gap="sm">
          <input ref={input} type="file" accept={importAccept} className={classes.hiddenInput} onChange={picked} aria-label="Import file" data-testid="import-file-input" tabIndex={-1} />
          <Button leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => input.current?.click()} disabled={step === 'importing'}>
            Choose file…
          </Button>
          <NativeSelect
            label="Format"
            data={formatOptions}
            value={io.format}
            disabled={busy}
            onChange={(event) => void io.changeFormat(event.currentTarget.value as ImportFormat)}
          />
        </Group>
        {io.file ? (
          <Text size="sm" data-testid="import-file-name">
            File: {io.file.name}
          </Text>
        ) : null}
        {io.problem ? (
          <Alert color="red" title="This file cannot be imported" role="alert">
            {io.problem}
          </Alert>
        ) : null}
        {step === 'reading' || step === 'previewing' ? <Loader size="sm" aria-label="Reading the file" /> : null}
        {preview ? <ImportPreviewView preview={preview} busy={busy} onRemap={(mapping) => void io.remap(mapping)} /> : null}
        {step === 'importing' ? (
          <Progress
            value={progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
            animated={!progress}
            aria-label="Import progress"
            data-testid="import-progress"
          />
        ) : null}
        {preview ? (
          <Group gap="sm">
            <Button onClick={() => void io.commit()} disabled={!preview.canCommit || busy} loading={step === 'importing'}>
              {commitLabel(preview.counts)}
            </Button>
            <Button variant="default" onClick={io.cancel} disabled={step === 'importing'}>
              Cancel
            </Button>
          </Group>
        ) : null}
      </Stack>
    </section>
  )
}
