import * as A from '@automerge/automerge'

/**
 * Rich bodies written the way the editor (@automerge/prosemirror) stores them: block markers
 * with ImmutableString types, bold, italic and link marks (a link's value is JSON text).
 * Copied into old checkouts with seedProfile.ts.
 */

const block = (type: string, attrs: Record<string, A.MaterializeValue> = {}): A.Span => ({
  type: 'block',
  value: { type: new A.ImmutableString(type), parents: [], attrs, isEmbed: false },
})
const text = (value: string, marks?: A.MarkSet): A.Span => (marks ? { type: 'text', value, marks } : { type: 'text', value })

/** A heading, a paragraph with bold, italic and a link, and two bullet items; `word` is findable by search. */
export function richBodySpans(heading: string, word: string): A.Span[] {
  return [
    block('heading', { level: 1 }),
    text(heading),
    block('paragraph'),
    text('Start with '),
    text('halves', { strong: true }),
    text(' then '),
    text('quarters', { em: true }),
    text(`; see ${word} and `),
    text('the guide', { link: JSON.stringify({ href: 'https://example.org/guide', title: '' }) }),
    text('.'),
    block('unordered-list-item'),
    text('Fold a strip — «bande» 🌸'),
    block('unordered-list-item'),
    text('Compare with a partner'),
  ]
}

/** Writes the spans into the (empty or not) rich-text field at `path`, replacing what was there. */
export function writeSpans(doc: unknown, path: A.Prop[], spans: A.Span[]): void {
  A.updateSpans(doc as A.Doc<unknown>, path, spans)
}

/** Appends one paragraph at the end of a rich-text field. */
export function appendParagraph(doc: unknown, path: A.Prop[], paragraph: string): void {
  const current = A.spans(doc as A.Doc<unknown>, path)
  writeSpans(doc, path, [...current, block('paragraph'), text(paragraph)])
}

/** The body's spans as plain JSON, the form manifests keep and tests compare. */
export function spansOf(doc: unknown, path: A.Prop[]): unknown {
  return JSON.parse(JSON.stringify(A.spans(doc as A.Doc<unknown>, path))) as unknown
}
