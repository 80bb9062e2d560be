import { Text } from '@mantine/core'

/** A list row: a bold title and up to two quieter lines. */
export function RowLines({ title, lines }: { title: string; lines: string[] }) {
  return (
    <>
      <Text fw={600} size="sm" truncate="end">
        {title || 'Untitled'}
      </Text>
      {lines.filter(Boolean).map((line, index) => (
        <Text key={index} size="xs" c="dimmed" truncate="end">
          {line}
        </Text>
      ))}
    </>
  )
}
