import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput, Title } from '@mantine/core'
import { useForm, type UseFormReturnType } from '@mantine/form'
import type { RecordKind, RecordOf } from '@shared/network/records'
import type { RpcResult } from '@shared/errors'
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { fieldsFor, singleRecordControls, validate, valuesFor, type FieldSpec, type FormValues, type KindForm } from './formSpec'
import { meaningfulLabels } from './labels'
import { RecordPicker } from './RecordPicker'

export type RecordFormApi = UseFormReturnType<FormValues>

export interface RecordFormProps<K extends RecordKind> {
  spec: KindForm<K>
  record?: RecordOf<K>
  /** Names the form, e.g. "New contact" or "Edit Ada Lovelace". */
  title: string
  submitLabel: string
  onSubmit: (fields: Record<string, unknown>) => Promise<RpcResult<unknown>>
  onCancel: () => void
  /** Extra controls of one kind (a contact's channels, photo), placed after the sections. */
  extra?: (form: RecordFormApi) => ReactNode
  initialValues?: FormValues
  /** Enter saves from any field (Shift+Enter still starts a new line in a text area). */
  submitOnEnter?: boolean
  /** Focus the first field when the form appears (dialogs). */
  autoFocusFirst?: boolean
}

/** One form for every kind of record: labelled fields from the spec, messages from the same zod schema as the core. */
export function RecordForm<K extends RecordKind>(props: RecordFormProps<K>) {
  const { spec, record, title, submitLabel, onSubmit, onCancel, extra, initialValues, submitOnEnter, autoFocusFirst } = props
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const api = useApi()
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: { ...valuesFor(spec, record), ...initialValues },
    validate: (values) => validate(spec as KindForm, values),
    onValuesChange: (values, previous) => {
      for (const [name, follow] of Object.entries(spec.prefill ?? {})) {
        if (isBlank(values[name]) || values[name] === previous[name]) continue
        void follow(values[name], api).then((followed) => {
          for (const [field, value] of Object.entries(followed)) if (isBlank(form.getValues()[field])) form.setFieldValue(field, value)
        })
      }
    },
  })

  const submit = form.onSubmit(async (values) => {
    setSaving(true)
    setServerError(null)
    const result = await onSubmit(fieldsFor(spec as KindForm, values))
    setSaving(false)
    if (!result.ok) setServerError(result.error.message)
  })

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // A combobox that used the Enter (to pick an option) has already prevented its default.
    if (!submitOnEnter || event.key !== 'Enter' || event.shiftKey || event.defaultPrevented || event.nativeEvent.isComposing) return
    const target = event.target as HTMLElement
    if (target.tagName === 'BUTTON' || target.getAttribute('aria-expanded') === 'true') return
    event.preventDefault()
    event.currentTarget.requestSubmit()
  }

  const formId = `record-form-${spec.kind}`
  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={`${formId}-title`}
      noValidate
      data-testid={`${spec.kind}-form`}
      ref={(node) => {
        if (autoFocusFirst && node && !node.contains(document.activeElement)) node.querySelector<HTMLElement>('input, textarea, select')?.focus()
      }}
    >
      <Stack gap="md" p="md" maw={760}>
        <Title order={2} size="h3" id={`${formId}-title`}>
          {title}
        </Title>
        {serverError ? (
          <Alert color="red" role="alert" title="Not saved">
            {serverError}
          </Alert>
        ) : null}
        {spec.sections.map((section, index) => (
          <Stack gap="sm" key={section.title ?? index} component="fieldset" className="recordFormSection" style={{ border: 0, padding: 0, margin: 0 }}>
            {section.title ? (
              <Title order={3} size="h5" component="legend">
                {section.title}
              </Title>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {section.fields.map((field) => (
                <div key={field.name} style={field.wide || field.control === 'textarea' ? { gridColumn: '1 / -1' } : undefined}>
                  <FieldControl field={field} form={form} />
                </div>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        {extra?.(form)}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function FieldControl({ field, form }: { field: FieldSpec; form: RecordFormApi }) {
  const common = { label: field.label, description: field.description, required: field.required, withAsterisk: field.required }
  const input = form.getInputProps(field.name)
  switch (field.control) {
    case 'textarea':
      return <Textarea {...common} {...input} autosize minRows={3} maxRows={12} />
    case 'url':
      return <TextInput {...common} {...input} type="url" placeholder="https://…" />
    case 'date':
      return <TextInput {...common} {...input} type="date" />
    case 'datetime':
      return <TextInput {...common} {...input} type="datetime-local" />
    case 'number':
      return <TextInput {...common} {...input} type="number" inputMode="numeric" min={1} />
    case 'select':
      return <NativeSelect {...common} {...input} data={field.options ?? []} />
    case 'rating':
      return (
        <NativeSelect
          {...common}
          value={String(form.values[field.name] ?? 0)}
          onChange={(event) => form.setFieldValue(field.name, Number(event.currentTarget.value))}
          error={form.errors[field.name]}
          data={meaningfulLabels.map((label, value) => ({ value: String(value), label }))}
        />
      )
    case 'switch':
      return <Switch {...common} {...form.getInputProps(field.name, { type: 'checkbox' })} mt="lg" />
    case 'tags':
      return <TagsInput {...common} {...input} />
    case 'contacts':
    case 'goals':
    case 'events':
    case 'communities':
      return <RecordPicker {...common} kind={field.control} value={(form.values[field.name] as string[]) ?? []} onChange={(ids) => form.setFieldValue(field.name, ids)} error={form.errors[field.name]} />
    case 'community':
    case 'event': {
      const id = form.values[field.name] as string
      return <RecordPicker {...common} kind={singleRecordControls[field.control]} maxValues={1} value={id ? [id] : []} onChange={(ids) => form.setFieldValue(field.name, ids[0] ?? '')} error={form.errors[field.name]} />
    }
    case 'text':
      return <TextInput {...common} {...input} />
  }
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === ''
}
