import type { ApiClient } from '@shared/api/ApiClient'
import type { RecordKind, RecordOf } from '@shared/network/records'
import type { z } from 'zod'
import type { PickableKind } from './RecordPicker'

export type FieldControl =
  | 'text'
  | 'textarea'
  | 'url'
  | 'date'
  | 'datetime'
  | 'select'
  | 'tags'
  | 'switch'
  | 'number'
  | 'contacts'
  | 'rating'
  | 'goals'
  | 'events'
  | 'communities'
  /** One community, saved as an id or null. */
  | 'community'
  /** One event, saved as an id or null. */
  | 'event'

/** The controls that pick one record, and the kind each picks from. */
export const singleRecordControls = { community: 'communities', event: 'events' } as const satisfies Partial<Record<FieldControl, PickableKind>>

/** One labelled control of a record form. `name` is the record field it edits. */
export interface FieldSpec {
  name: string
  label: string
  control: FieldControl
  options?: Array<{ value: string; label: string }>
  required?: boolean
  description?: string
  /** An empty value saves as null (optional dates, links, numbers). */
  nullable?: boolean
  /** Shown across the form's full width. */
  wide?: boolean
}

export type FormValues = Record<string, unknown>

/** How one kind of record is edited: its fields, and how record and form values map onto each other. */
export interface KindForm<K extends RecordKind = RecordKind> {
  kind: K
  /** Groups of fields, each under a heading (the first may have none). */
  sections: Array<{ title?: string; fields: FieldSpec[] }>
  schema: z.ZodType
  /** Record → form values; without a record, the values of a new one. */
  toValues?: (record: RecordOf<K> | undefined) => FormValues
  /** Form values → the fields the core validates. */
  toFields?: (values: FormValues) => Record<string, unknown>
  /** zod issue path → form field, where the form edits a nested value under another name. */
  errorAliases?: Record<string, string>
  /**
   * Values that follow from a field once it is given one (an event's community), by field name.
   * They fill only fields that are still empty, so nothing the user chose is overwritten.
   */
  prefill?: Record<string, (value: unknown, api: ApiClient) => Promise<FormValues>>
}

function allFields(form: KindForm): FieldSpec[] {
  return form.sections.flatMap((section) => section.fields)
}

function emptyValue(field: FieldSpec): unknown {
  if (['tags', 'contacts', 'goals', 'events', 'communities'].includes(field.control)) return []
  if (field.control === 'switch') return false
  if (field.control === 'rating') return 0
  if (field.control === 'select') return field.options?.[0]?.value ?? ''
  return ''
}

/** Form values from a record (nulls become empty inputs) or the defaults of a new record. */
export function valuesFor<K extends RecordKind>(form: KindForm<K>, record: RecordOf<K> | undefined): FormValues {
  if (form.toValues) return form.toValues(record)
  return defaultValuesFor(form, record)
}

export function defaultValuesFor<K extends RecordKind>(form: KindForm<K>, record: RecordOf<K> | undefined): FormValues {
  const values: FormValues = {}
  const source = record as Record<string, unknown> | undefined
  for (const field of allFields(form)) {
    const value = source?.[field.name]
    values[field.name] = value === null || value === undefined ? emptyValue(field) : field.control === 'number' ? String(value) : value
  }
  return values
}

/** The record fields from form values: empty optional inputs become null, numbers become numbers. */
export function fieldsFor(form: KindForm, values: FormValues): Record<string, unknown> {
  if (form.toFields) return form.toFields(values)
  return defaultFieldsFor(form, values)
}

export function defaultFieldsFor(form: KindForm, values: FormValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const field of allFields(form)) {
    const value = values[field.name]
    if (field.control === 'number') fields[field.name] = value === '' || value === null ? null : Number(value)
    else if (field.control in singleRecordControls) fields[field.name] = value || null
    else if (field.nullable && (value === '' || value === null)) fields[field.name] = null
    else fields[field.name] = value
  }
  return fields
}

/** Validation messages by form field, from the same zod schema the core checks. */
export function validate(form: KindForm, values: FormValues): Record<string, string> {
  const result = form.schema.safeParse(fieldsFor(form, values))
  if (result.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.')
    const name = form.errorAliases?.[path] ?? form.errorAliases?.[String(issue.path[0])] ?? path
    errors[name] ??= issue.message
  }
  return errors
}
