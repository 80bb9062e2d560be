import type { VersionSpan } from '@shared/api/projectHistory'
import type { ReactNode } from 'react'
import classes from './History.module.css'

type Marks = Extract<VersionSpan, { type: 'text' }>['marks']
interface Block {
  type: string
  attrs: Extract<VersionSpan, { type: 'block' }>['attrs']
  texts: Array<{ text: string; marks: Marks }>
}

const listKinds: Record<string, 'ul' | 'ol'> = { 'unordered-list-item': 'ul', 'task-list-item': 'ul', 'ordered-list-item': 'ol' }

/** Spans into blocks: each block marker starts a block; text before the first marker is a paragraph. */
function toBlocks(spans: readonly VersionSpan[]): Block[] {
  const blocks: Block[] = []
  for (const span of spans) {
    if (span.type === 'block') blocks.push({ type: span.block, attrs: span.attrs, texts: [] })
    else {
      if (blocks.length === 0) blocks.push({ type: 'paragraph', attrs: {}, texts: [] })
      blocks.at(-1)?.texts.push({ text: span.text, marks: span.marks })
    }
  }
  return blocks
}

/** Text with its bold and italic marks; a link is shown as its text only (nothing loads or opens from a past version). */
function Inline({ texts }: { texts: Block['texts'] }) {
  return texts.map(({ text, marks }, i) => {
    let node: ReactNode = text
    if (marks.em) node = <em>{node}</em>
    if (marks.strong) node = <strong>{node}</strong>
    return <span key={i}>{node}</span>
  })
}

function BlockElement({ block }: { block: Block }) {
  const content = <Inline texts={block.texts} />
  if (block.type === 'heading') {
    const level = typeof block.attrs.level === 'number' ? block.attrs.level : 2
    // Headings of the body sit under the panel's own headings, so they start three levels down.
    const Tag = level <= 1 ? 'h4' : level === 2 ? 'h5' : 'h6'
    return <Tag className={classes.versionHeading}>{content}</Tag>
  }
  if (block.type === 'task-list-item') {
    const checked = block.attrs.checked === true
    return (
      <li className={classes.taskItem}>
        <span role="img" aria-label={checked ? 'Done:' : 'Not done:'}>
          {checked ? '☑' : '☐'}
        </span>{' '}
        {content}
      </li>
    )
  }
  if (listKinds[block.type]) return <li>{content}</li>
  // Paragraphs, and blocks this view does not know (table cells…), read as paragraphs.
  return <p className={classes.versionParagraph}>{content}</p>
}

/** A past body as static React elements: text is always text, so nothing in it can run or load. */
export function VersionBody({ spans }: { spans: readonly VersionSpan[] }) {
  const blocks = toBlocks(spans)
  const out: ReactNode[] = []
  for (let i = 0; i < blocks.length; ) {
    const block = blocks[i] as Block
    const list = listKinds[block.type]
    if (!list) {
      out.push(<BlockElement key={i} block={block} />)
      i++
      continue
    }
    const start = i
    const items: ReactNode[] = []
    while (i < blocks.length && listKinds[(blocks[i] as Block).type] === list) {
      items.push(<BlockElement key={i} block={blocks[i] as Block} />)
      i++
    }
    const List = list
    out.push(<List key={`list-${start}`}>{items}</List>)
  }
  return out.length > 0 ? <div className={classes.versionBody}>{out}</div> : <p className={classes.muted}>The text was empty.</p>
}
