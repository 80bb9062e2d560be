import { Button, Stack, Text, Title } from '@mantine/core'
import { exportFormats, type ExportFormat } from '@shared/api/io'
import { IconDownload } from '@tabler/icons-react'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { downloadFile } from '../network/kinds/downloadFile'
import classes from './IoView.module.css'

export const exportLabels: Record<ExportFormat, string> = {
  'contacts.vcard4': 'Contacts (vCard 4)',
  'contacts.vcard3': 'Contacts (vCard 3)',
  'contacts.csv': 'Contacts (CSV)',
  'interactions.csv': 'Interactions (CSV)',
  'calendar.ics': 'Events and follow-ups (.ics)',
  'journal.md': 'Journal (Markdown)',
  'notes.md': 'Notes (Markdown)',
  'backup.json': 'Full backup (JSON)',
}

/** One download per export format the core offers. */
export function ExportPanel() {
  const api = useApi()
  const [running, setRunning] = useState<ExportFormat | null>(null)

  async function exportAs(format: ExportFormat) {
    setRunning(format)
    try {
      const result = await api.call('io.export', { format })
      if (result.ok) downloadFile(result.value)
    } finally {
      setRunning(null)
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="export-heading">
          Export
        </Title>
        <Text size="sm" c="dimmed">
          The full backup holds everything in this profile and restores into another one with Import.
        </Text>
        <div className={classes.exportGrid}>
          {exportFormats.map((format) => (
            <Button
              key={format}
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={running === format}
              disabled={running !== null && running !== format}
              onClick={() => void exportAs(format)}
            >
              {exportLabels[format]}
            </Button>
          ))}
        </div>
      </Stack>
    </section>
  )
}
