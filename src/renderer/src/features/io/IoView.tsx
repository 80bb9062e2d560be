import { Divider, Stack, Title } from '@mantine/core'
import { BundlePanel } from './BundlePanel'
import { ExportPanel } from './ExportPanel'
import { ImportPanel } from './ImportPanel'
import classes from './IoView.module.css'

/** Bring contacts and backups in, take everything out. */
export function IoView() {
  return (
    <div className={classes.view}>
      <Stack gap="xl" p="md" maw={1000}>
        <Title order={1} size="h3">
          Import and export
        </Title>
        <ImportPanel />
        <Divider />
        <ExportPanel />
        <Divider />
        <BundlePanel />
      </Stack>
    </div>
  )
}
