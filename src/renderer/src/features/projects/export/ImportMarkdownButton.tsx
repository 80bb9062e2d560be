import { Alert, Button, FileButton, Stack } from '@mantine/core'
import { projectExportLimits } from '@shared/api/projectExport'
import { IconFileImport } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../../platform/PlatformContext'

const accept = '.md,.markdown,.txt,text/markdown,text/plain'
// A variable, not an inline literal: data-* attributes are not in the input props type.
const inputProps = { 'aria-label': 'Markdown file to import', 'data-testid': 'markdown-file-input' }

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'))
    reader.readAsText(file)
  })
}

/**
 * Picks a Markdown file and makes a new project of it (its first "# heading" becomes the title).
 * A file that is too large, unreadable or refused by the core shows why, beside the button, and
 * nothing is created.
 */
export function ImportMarkdownButton({ onImported }: { onImported(projectId: string): void }) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function picked(file: File | null) {
    if (!file) return
    setProblem(null)
    // Refused before reading: a huge file would only be read to be refused by the core.
    if (file.size > projectExportLimits.importBytes) {
      setProblem(`“${file.name}” is ${megabytes(file.size)}; Markdown files up to ${megabytes(projectExportLimits.importBytes)} can be imported.`)
      return
    }
    setBusy(true)
    try {
      const text = await readText(file)
      const result = await api.call('projects.importMarkdown', { fileName: file.name.slice(0, projectExportLimits.fileNameChars), text })
      if (result.ok) onImported(result.value.project.id)
      else setProblem(result.error.message)
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="xs">
      <FileButton onChange={(file) => void picked(file)} accept={accept} inputProps={inputProps}>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconFileImport size={16} aria-hidden />} loading={busy}>
            Import Markdown…
          </Button>
        )}
      </FileButton>
      {problem ? (
        <Alert color="red" title="Not imported" role="alert">
          {problem} No project was created.
        </Alert>
      ) : null}
    </Stack>
  )
}
