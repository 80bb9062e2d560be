import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useEffect, useState, type ReactNode } from 'react'
import { formatRoute, type NetworkSection } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { ContactName } from '../contacts/ContactName'
import { formatDay } from './dates'
import { singleRecordControls, type FieldSpec, type KindForm } from './formSpec'
import { meaningfulLabels } from './labels'
import { recordNames, type PickableKind } from './RecordPicker'

const sectionOf: Record<PickableKind, NetworkSection> = { contacts: 'contacts', goals: 'goals', events: 'events', communities: 'communities' }

/** A record's fields as a description list, labelled as in its form; empty fields are left out. */
export function RecordFields({ spec, record, skip = [] }: { spec: KindForm; record: Record<string, unknown>; skip?: string[] }) {
  const fields = spec.sections.flatMap((section) => section.fields).filter((field) => !skip.includes(field.name))
  const short = fields.filter((field) => field.control !== 'textarea')
  const long = fields.filter((field) => field.control === 'textarea')
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        {short.map((field) => (
          <FieldValue key={field.name} field={field} value={record[field.name]} />
        ))}
      </SimpleGrid>
      <Stack gap="md" component="dl" m={0}>
        {long.map((field) => (
          <FieldValue key={field.name} field={field} value={record[field.name]} />
        ))}
      </Stack>
    </Stack>
  )
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

function FieldValue({ field, value }: { field: FieldSpec; value: unknown }) {
  if (isEmpty(value) || (field.control === 'rating' && value === 0)) return null
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600}>
        {field.label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere', whiteSpace: field.control === 'textarea' ? 'pre-wrap' : undefined }}>
        {renderValue(field, value)}
      </Text>
    </div>
  )
}

function renderValue(field: FieldSpec, value: unknown): ReactNode {
  switch (field.control) {
    case 'select':
      return field.options?.find((option) => option.value === value)?.label ?? String(value)
    case 'rating':
      return meaningfulLabels[value as number] ?? String(value)
    case 'switch':
      return value ? 'Yes' : 'No'
    case 'date':
    case 'datetime':
      return formatDay(value as string)
    case 'url':
      return (
        <Anchor href={value as string} target="_blank" rel="noreferrer noopener" size="sm">
          {value as string}
        </Anchor>
      )
    case 'tags':
      return (
        <Group gap={4} component="span">
          {(value as string[]).map((tag) => (
            <Badge key={tag} variant="default" size="sm">
              {tag}
            </Badge>
          ))}
        </Group>
      )
    case 'contacts':
      return <Links ids={value as string[]} render={(id) => <ContactName id={id} />} />
    case 'goals':
    case 'events':
    case 'communities':
      return <Links ids={value as string[]} render={(id) => <RecordName kind={field.control as PickableKind} id={id} />} />
    case 'community':
    case 'event':
      return <RecordName kind={singleRecordControls[field.control]} id={value as string} />
    default:
      return String(value)
  }
}

function Links({ ids, render }: { ids: string[]; render: (id: string) => ReactNode }) {
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? ', ' : ''}
          {render(id)}
        </span>
      ))}
    </>
  )
}

/** A link to a goal, event or community by id, named once known. */
export function RecordName({ kind, id }: { kind: PickableKind; id: string }) {
  const api = useApi()
  const [name, setName] = useState<string>()
  useEffect(() => {
    let cancelled = false
    void recordNames(api, kind, [id]).then((names) => {
      if (!cancelled) setName(names.get(id))
    })
    return () => {
      cancelled = true
    }
  }, [api, kind, id])
  return (
    <Anchor href={formatRoute({ section: sectionOf[kind], recordId: id })} size="sm">
      {name ?? '…'}
    </Anchor>
  )
}
