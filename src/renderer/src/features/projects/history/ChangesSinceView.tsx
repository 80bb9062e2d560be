import { Text, VisuallyHidden } from '@mantine/core'
import type { HistoryFieldChange, HistoryItemChange, ProjectChangesSince } from '@shared/api/projectHistory'
import classes from './History.module.css'
import { describeValue, fieldName } from './historyText'

function by(name: string | null): string {
  return name ? ` (${name})` : ''
}

function FieldLine({ change, prefix }: { change: HistoryFieldChange; prefix?: string }) {
  return (
    <li>
      {prefix}
      {fieldName(change.field)}: {describeValue(change.field, change.before)} → {describeValue(change.field, change.after)}
      {by(change.by)}
    </li>
  )
}

function ItemLines({ noun, items }: { noun: string; items: readonly HistoryItemChange[] }) {
  return items.map((item) =>
    item.change === 'changed' ? (
      item.fields.map((field) => <FieldLine key={`${item.id}-${field.field}`} change={field} prefix={`${noun} “${item.title}”, `} />)
    ) : (
      <li key={item.id}>
        {item.change === 'added' ? 'Added' : 'Removed'} {noun.toLowerCase()} “{item.title}”{by(item.by)}
      </li>
    ),
  )
}

/** What changed between the chosen version and now, with whose changes lie between. */
export function ChangesSinceView({ changes }: { changes: ProjectChangesSince }) {
  if (changes.changes === 0) return <Text size="sm">Nothing has changed since this version.</Text>
  const details = changes.fields.length + changes.tasks.length + changes.resources.length
  return (
    <div className={classes.changes}>
      <Text size="sm">
        {changes.changes === 1 ? '1 change' : `${changes.changes} changes`} since, by {changes.authors.map((a) => `${a.name} (${a.changes})`).join(', ')}.
      </Text>
      {details > 0 && (
        <ul className={classes.changeList} aria-label="Fields, tasks and resources">
          {changes.fields.map((field) => (
            <FieldLine key={field.field} change={field} />
          ))}
          <ItemLines noun="Task" items={changes.tasks} />
          <ItemLines noun="Resource" items={changes.resources} />
        </ul>
      )}
      {changes.body.length > 0 && (
        <ul className={classes.changeList} aria-label="Text">
          {changes.body.map((segment, i) => (
            <li key={i} className={classes.segment}>
              <span className={classes.context}>{segment.before}</span>
              {segment.change === 'inserted' ? (
                <ins className={classes.inserted}>
                  <VisuallyHidden>Added: </VisuallyHidden>
                  {segment.text}
                </ins>
              ) : (
                <del className={classes.deleted}>
                  <VisuallyHidden>Removed: </VisuallyHidden>
                  {segment.text}
                </del>
              )}
              {segment.moreChars > 0 && <span className={classes.muted}> …and {segment.moreChars} more characters</span>}
              <span className={classes.context}>{segment.after}</span>
            </li>
          ))}
          {changes.moreBodySegments > 0 && <li className={classes.muted}>…and {changes.moreBodySegments} more changes in the text</li>}
        </ul>
      )}
    </div>
  )
}
