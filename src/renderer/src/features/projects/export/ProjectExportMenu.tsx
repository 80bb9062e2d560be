import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconFileDownload, IconFileText, IconMarkdown, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi, usePlatform } from '../../../platform/PlatformContext'
import { printHtml } from './printHtml'
import { savePdf, saveTextExport } from './saveExport'

type ExportKind = 'markdown' | 'html' | 'print'

/**
 * Export one project: a Markdown file, a standalone HTML page, and a PDF (the desktop app makes
 * one) or the browser's print dialog (serve, where "Save as PDF" is one of the printers).
 * Refusals from the core show as the app's error toasts.
 */
export function ProjectExportMenu({ projectId }: { projectId: string }) {
  const api = useApi()
  const { shell } = usePlatform()
  const [busy, setBusy] = useState<ExportKind | null>(null)

  async function run(kind: ExportKind) {
    setBusy(kind)
    try {
      if (kind === 'markdown') {
        const result = await api.call('projects.exportMarkdown', { projectId })
        if (result.ok) saveTextExport(result.value)
      } else if (kind === 'html') {
        const result = await api.call('projects.exportHtml', { projectId })
        if (result.ok) saveTextExport(result.value)
      } else if (shell === 'electron') {
        const result = await api.call('projects.exportPdf', { projectId })
        if (result.ok) savePdf(result.value)
      } else {
        const result = await api.call('projects.exportHtml', { projectId })
        if (result.ok) printHtml(result.value.text)
      }
    } finally {
      setBusy(null)
    }
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconFileDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} loading={busy !== null}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconMarkdown size={16} aria-hidden />} onClick={() => void run('markdown')}>
          Markdown file (.md)
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} aria-hidden />} onClick={() => void run('html')}>
          Web page (.html)
        </Menu.Item>
        <Menu.Item leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => void run('print')}>
          {shell === 'electron' ? 'PDF (.pdf)' : 'Print or save as PDF…'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
