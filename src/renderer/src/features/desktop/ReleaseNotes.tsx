import classes from './DesktopCard.module.css'

/**
 * What a new version changes, as plain text in a box that scrolls (and can be scrolled from the
 * keyboard). Never parsed as HTML: whatever markup the notes hold is shown as the characters it is.
 */
export function ReleaseNotes({ version, notes }: { version: string; notes: string }) {
  const text = notes.trim()
  if (!text) return null
  return (
    <div className={classes.notes} role="region" aria-label={`What is new in version ${version}`} tabIndex={0} data-testid="release-notes">
      {text}
    </div>
  )
}
