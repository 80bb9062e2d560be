/**
 * Colours for people in a document: dark enough for white initials and labels on them (WCAG AA
 * for normal text against white, at least 4.5:1) and distinct from each other. Mantine's shade 8
 * of each hue, darker for green and orange (theirs are 4.4:1 and 4.3:1; axe flagged the green).
 */
export const presenceColours = [
  '#c92a2a', // red
  '#a61e4d', // pink
  '#862e9c', // grape
  '#5f3dc4', // violet
  '#364fc7', // indigo
  '#1864ab', // blue
  '#0b7285', // cyan
  '#087f5b', // teal
  '#237032', // green
  '#b8400d', // orange
] as const

/** The same colour for a device everywhere, on every peer (FNV-1a of the device id). */
export function presenceColour(deviceId: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < deviceId.length; i++) {
    hash ^= deviceId.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return presenceColours[(hash >>> 0) % presenceColours.length]!
}

/** Up to two initials: "Ada Lovelace" → "AL", "ada" → "A". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = [...words[0]!][0] ?? ''
  const last = words.length > 1 ? ([...words[words.length - 1]!][0] ?? '') : ''
  return (first + last).toUpperCase()
}
