import { Badge, Group, Table, Text, Title } from '@mantine/core'
import type { CsvMapping, ImportPreview } from '@shared/api/io'
import { CsvMappingTable } from './CsvMappingTable'
import { countPhrases } from './importFile'
import { ImportMessages } from './ImportMessages'
import classes from './IoView.module.css'

const sampleKindLabels: Record<ImportPreview['sample'][number]['kind'], string> = {
  contact: 'Contact',
  interaction: 'Interaction',
  community: 'Community',
  event: 'Event',
  goal: 'Goal',
  journal: 'Journal entry',
  resource: 'Resource',
  reading: 'Reading',
  feed: 'Feed',
  checkin: 'Check-in',
  note: 'Note',
}

/** What an import would do: counts, the first records, the CSV mapping, warnings and errors. */
export function ImportPreviewView({ preview, busy, onRemap }: { preview: ImportPreview; busy: boolean; onRemap: (mapping: CsvMapping) => void }) {
  const counts = countPhrases(preview.counts)
  const skipped = countPhrases(preview.skipped)
  return (
    <section aria-labelledby="import-preview-heading" data-testid="import-preview">
      <Title order={3} size="h5" id="import-preview-heading" mb="xs">
        Preview
      </Title>
      <Group gap="xs" mb="sm" data-testid="import-counts">
        {counts.length ? (
          <Text size="sm">Will add {counts.join(', ')}.</Text>
        ) : (
          <Text size="sm">Nothing new to add.</Text>
        )}
        {skipped.length ? (
          <Badge variant="light" color="gray">
            Already here: {skipped.join(', ')}
          </Badge>
        ) : null}
      </Group>
      <ImportMessages kind="errors" messages={preview.errors} total={preview.errorCount} />
      <ImportMessages kind="warnings" messages={preview.warnings} total={preview.warningCount} />
      {preview.csv ? (
        <>
          <Title order={4} size="h6" mt="md" mb="xs">
            Columns
          </Title>
          <CsvMappingTable csv={preview.csv} disabled={busy} onChange={onRemap} />
        </>
      ) : null}
      {preview.sample.length ? (
        <>
          <Title order={4} size="h6" mt="md" mb="xs">
            First records
          </Title>
          <div className={classes.tableWrap}>
            <Table withTableBorder striped aria-label="First records" data-testid="import-sample">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Line</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((row, index) => (
                  <Table.Tr key={`${row.line ?? ''}-${index}`}>
                    <Table.Td>{row.line ?? ''}</Table.Td>
                    <Table.Td>{sampleKindLabels[row.kind]}</Table.Td>
                    <Table.Td>{row.title}</Table.Td>
                    <Table.Td>{row.detail}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        </>
      ) : null}
    </section>
  )
}
