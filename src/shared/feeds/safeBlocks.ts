/** Inline content of a sanitised feed item: text, or an http(s) link. */
export type SafeInline = { type: 'text'; text: string } | { type: 'link'; text: string; href: string }

/**
 * Feed HTML reduced to plain data (by the core's htmlToSafeBlocks). Nothing here is markup: the
 * UI renders text nodes and http(s) links itself, and loads an image only after the teacher
 * consents.
 */
export type SafeBlock =
  | { type: 'paragraph'; inlines: SafeInline[] }
  | { type: 'heading'; level: number; inlines: SafeInline[] }
  | { type: 'listItem'; inlines: SafeInline[] }
  | { type: 'quote'; inlines: SafeInline[] }
  | { type: 'code'; text: string }
  | { type: 'image'; alt: string; src: string }
