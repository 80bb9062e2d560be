import { Alert, Text } from '@mantine/core'
import type { ImportMessage } from '@shared/api/io'
import classes from './IoView.module.css'

function where(message: ImportMessage): string | null {
  if (message.line !== undefined && !message.message.includes(`Line ${message.line}`)) return `Line ${message.line}`
  if (message.record && !message.message.includes(message.record)) return `Record ${message.record}`
  return null
}

/** Errors or warnings from a preview, each naming its line or record, with how many were left out. */
export function ImportMessages({ kind, messages, total }: { kind: 'errors' | 'warnings'; messages: ImportMessage[]; total: number }) {
  if (total === 0) return null
  const isError = kind === 'errors'
  const title = isError ? `${total} error${total === 1 ? '' : 's'}: nothing can be imported until the file is fixed` : `${total} warning${total === 1 ? '' : 's'}`
  return (
    <Alert color={isError ? 'red' : 'yellow'} title={title} role={isError ? 'alert' : 'status'} data-testid={`import-${kind}`}>
      <ul className={classes.messages}>
        {messages.map((message, index) => {
          const place = where(message)
          return (
            <li key={`${message.line ?? message.record ?? ''}-${index}`}>
              {place ? `${place}: ` : ''}
              {message.message}
            </li>
          )
        })}
      </ul>
      {total > messages.length ? (
        <Text size="sm" mt="xs">
          …and {total - messages.length} more.
        </Text>
      ) : null}
    </Alert>
  )
}
