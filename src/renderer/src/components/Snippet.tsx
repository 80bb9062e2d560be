import type { SnippetPart } from '@shared/api/notes'
import classes from './Snippet.module.css'

/** Renders a search snippet as text, with matches in <mark>; never as HTML. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className={classes.mark}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  )
}

export function snippetText(parts: SnippetPart[]): string {
  return parts.map((part) => part.text).join('')
}
