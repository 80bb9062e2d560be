import { Button, Menu } from '@mantine/core'
import { IconChevronDown, IconFileText, IconPrinter, IconReportAnalytics } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi, usePlatform } from '../../platform/PlatformContext'
import { printHtml } from '../projects/export/printHtml'
import { savePdf, saveTextExport } from '../projects/export/saveExport'

type ReportKind = 'html' | 'print'

/**
 * The dashboard's range as a term report to bring to an appraisal: a standalone web page, and a
 * PDF (the desktop app makes one) or the browser's print dialog, where "Save as PDF" is one of the
 * printers. Saved and printed the way project exports are; refusals show as the app's error toasts.
 */
export function TermReportButton({ from, to, today }: { from: string; to: string; today: string }) {
  const api = useApi()
  const { shell } = usePlatform()
  const [busy, setBusy] = useState<ReportKind | null>(null)
  const period = { from, to, today }

  async function run(kind: ReportKind) {
    setBusy(kind)
    try {
      if (kind === 'print' && shell === 'electron') {
        const result = await api.call('termReport.pdf', period)
        if (result.ok) savePdf(result.value)
        return
      }
      const result = await api.call('termReport.html', period)
      if (!result.ok) return
      if (kind === 'html') saveTextExport({ fileName: result.value.fileName, text: result.value.html })
      else printHtml(result.value.html)
    } finally {
      setBusy(null)
    }
  }

  return (
    // In place rather than in a portal, so the open menu stays inside the page's landmarks; no
    // focus placeholder (a role="presentation" child a menu may not have), the first item takes focus.
    <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconReportAnalytics size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />} loading={busy !== null}>
          Term report
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          Report for {from} – {to}
        </Menu.Label>
        <Menu.Item leftSection={<IconFileText size={16} aria-hidden />} onClick={() => void run('html')}>
          Save as web page (.html)
        </Menu.Item>
        <Menu.Item leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => void run('print')}>
          {shell === 'electron' ? 'Save as PDF (.pdf)' : 'Print or save as PDF…'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
