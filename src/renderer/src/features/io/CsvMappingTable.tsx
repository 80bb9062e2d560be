import { NativeSelect, Table } from '@mantine/core'
import { csvTargets, type CsvMapping, type CsvPreview, type CsvTarget } from '@shared/api/io'
import classes from './IoView.module.css'

const targetLabels: Record<CsvTarget, string> = {
  ignore: 'Leave out',
  name: 'Full name',
  givenName: 'Given name',
  familyName: 'Family name',
  email: 'Email',
  phone: 'Phone',
  website: 'Website',
  social: 'Social handle',
  organisation: 'School or organisation',
  role: 'Role',
  pronouns: 'Pronouns',
  location: 'Location',
  subjects: 'Subjects',
  gradeLevels: 'Grade levels',
  interests: 'Interests',
  tags: 'Tags',
  notes: 'Notes',
  metHow: 'How we met',
  metWhere: 'Where we met',
}

const targetOptions = csvTargets.map((target) => ({ value: target, label: targetLabels[target] }))

/** One Select per CSV column: which contact field it fills, with the first rows as read. */
export function CsvMappingTable({ csv, disabled, onChange }: { csv: CsvPreview; disabled: boolean; onChange: (mapping: CsvMapping) => void }) {
  function change(column: number, target: CsvTarget) {
    onChange(csv.mapping.map((current, index) => (index === column ? target : current)))
  }
  return (
    <div className={classes.tableWrap}>
      <Table withTableBorder striped aria-label="Column mapping">
        <Table.Thead>
          <Table.Tr>
            {csv.headers.map((header, column) => (
              <Table.Th key={`${header}-${column}`} scope="col">
                <NativeSelect
                  label={header || `Column ${column + 1}`}
                  size="xs"
                  data={targetOptions}
                  value={csv.mapping[column] ?? 'ignore'}
                  disabled={disabled}
                  onChange={(event) => change(column, event.currentTarget.value as CsvTarget)}
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {csv.rows.map((row, rowIndex) => (
            <Table.Tr key={rowIndex}>
              {csv.headers.map((header, column) => (
                <Table.Td key={`${header}-${column}`}>{row[column] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  )
}
