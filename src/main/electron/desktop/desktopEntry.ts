/**
 * Quoting for the Exec key of a .desktop file, per the Desktop Entry Specification: an argument
 * with a reserved character is double-quoted with `"`, `` ` ``, `$` and `\` backslash-escaped; `%`
 * is doubled (it starts a field code); then the whole value gets the string escapes (`\\`, `\n`,
 * `\t`, `\r`), which readers undo first.
 */
const reserved = /[\s"'\\><~|&;$*?#()`]/

function quoteArgument(argument: string): string {
  const percentSafe = argument.replaceAll('%', '%%')
  return reserved.test(argument) ? `"${percentSafe.replace(/["`$\\]/g, '\\$&')}"` : percentSafe
}

function escapeStringValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\t', '\\t').replaceAll('\r', '\\r')
}

/** The Exec= value that runs `program` with `args`, whatever characters the path holds. */
export function execValue(program: string, args: readonly string[]): string {
  return escapeStringValue([program, ...args].map(quoteArgument).join(' '))
}

/** A locale-free string value (Name=, Comment=) on one line. */
export function stringValue(text: string): string {
  return escapeStringValue(text)
}

/** The keys of a .desktop file's [Desktop Entry] group (later groups and comments skipped). */
export function desktopEntryKeys(text: string): Map<string, string> {
  const keys = new Map<string, string>()
  let inEntry = false
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('[')) inEntry = line.trim() === '[Desktop Entry]'
    else if (inEntry && !line.startsWith('#')) {
      const equals = line.indexOf('=')
      if (equals > 0) keys.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim())
    }
  }
  return keys
}
