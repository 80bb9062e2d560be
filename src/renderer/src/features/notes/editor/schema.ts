import { SchemaAdapter, type MappedSchemaSpec } from '@automerge/prosemirror'
import type { DOMOutputSpec, Mark, Node as PmNode } from 'prosemirror-model'
import { safeHref } from './safeHref'

/**
 * The note body schema and its mapping to Automerge's rich-text block markers: paragraph, heading
 * (levels 1-3), unordered-list-item, ordered-list-item and task-list-item (with `checked`), and the
 * marks strong, em and link. Blocks from other apps show as "unknown" and are kept, not lost.
 */
export const blockNames = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletItem: 'unordered-list-item',
  orderedItem: 'ordered-list-item',
  taskItem: 'task-list-item',
} as const

const headingLevels = [1, 2, 3] as const

function linkAttrsFromAutomerge(value: unknown): { href: string; title: string | null } {
  if (typeof value === 'string') {
    try {
      const parsed = JSON.parse(value) as { href?: unknown; title?: unknown }
      return { href: safeHref(parsed.href) ?? '', title: typeof parsed.title === 'string' ? parsed.title : null }
    } catch {
      // A malformed link mark keeps its text and loses only the link.
    }
  }
  return { href: '', title: null }
}

/** The note body's node and mark specs; the project body extends them with tables. */
export const noteSchemaSpec: MappedSchemaSpec = {
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      automerge: { block: blockNames.paragraph },
      content: 'inline*',
      group: 'block',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    unknownBlock: {
      automerge: { unknownBlock: true },
      group: 'block',
      content: 'block+',
      parseDOM: [{ tag: 'div', attrs: { 'data-unknown-block': 'true' } }],
      toDOM: (): DOMOutputSpec => ['div', { 'data-unknown-block': 'true' }, 0],
    },
    heading: {
      automerge: {
        block: blockNames.heading,
        attrParsers: {
          fromAutomerge: (block) => ({ level: clampLevel(block.attrs.level) }),
          fromProsemirror: (node) => ({ level: clampLevel(node.attrs.level) }),
        },
      },
      attrs: { level: { default: 1 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [
        { tag: 'h1', attrs: { level: 1 } },
        { tag: 'h2', attrs: { level: 2 } },
        { tag: 'h3', attrs: { level: 3 } },
        { tag: 'h4', attrs: { level: 3 } },
        { tag: 'h5', attrs: { level: 3 } },
        { tag: 'h6', attrs: { level: 3 } },
      ],
      toDOM: (node): DOMOutputSpec => [`h${clampLevel(node.attrs.level)}`, 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1 } },
      parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: Number((dom as HTMLElement).getAttribute('start') ?? 1) || 1 }) }],
      toDOM: (node): DOMOutputSpec => (node.attrs.order === 1 ? ['ol', 0] : ['ol', { start: node.attrs.order }, 0]),
    },
    list_item: {
      automerge: { block: { within: { ordered_list: blockNames.orderedItem, bullet_list: blockNames.bulletItem } } },
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    task_list: {
      group: 'block',
      content: 'task_item+',
      // Higher priority than plain <ul>/<li> so pasted checklists stay checklists.
      parseDOM: [{ tag: 'ul[data-task-list]', priority: 60 }],
      toDOM: (): DOMOutputSpec => ['ul', { 'data-task-list': '' }, 0],
    },
    task_item: {
      automerge: { block: { within: { task_list: blockNames.taskItem } } },
      attrs: { checked: { default: false } },
      content: 'paragraph block*',
      defining: true,
      parseDOM: [
        {
          tag: 'li[data-task-item]',
          priority: 60,
          getAttrs: (dom) => ({ checked: (dom as HTMLElement).getAttribute('data-checked') === 'true' }),
        },
      ],
      toDOM: (node): DOMOutputSpec => ['li', { 'data-task-item': '', 'data-checked': String(node.attrs.checked === true) }, 0],
    },
    text: { group: 'inline' },
  },
  marks: {
    link: {
      attrs: { href: {}, title: { default: null } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeHref((dom as HTMLElement).getAttribute('href'))
            return href ? { href, title: (dom as HTMLElement).getAttribute('title') } : false
          },
        },
      ],
      toDOM: (mark: Mark): DOMOutputSpec => {
        const href = safeHref(mark.attrs.href)
        // Inert inside the editor; opened on Ctrl/⌘-click through openExternalLink.
        return href
          ? ['a', { href, title: mark.attrs.title ?? href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 0]
          : ['span', { 'data-broken-link': '' }, 0]
      },
      automerge: {
        markName: 'link',
        parsers: {
          fromAutomerge: (value) => linkAttrsFromAutomerge(value),
          fromProsemirror: (mark) => JSON.stringify({ href: safeHref(mark.attrs.href) ?? '', title: mark.attrs.title ?? null }),
        },
      },
    },
    em: {
      parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
      automerge: { markName: 'em' },
    },
    strong: {
      parseDOM: [
        { tag: 'strong' },
        { tag: 'b', getAttrs: (node) => (node as HTMLElement).style.fontWeight !== 'normal' && null },
        { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value as string) && null },
      ],
      toDOM: (): DOMOutputSpec => ['strong', 0],
      automerge: { markName: 'strong' },
    },
  },
}

function clampLevel(level: unknown): 1 | 2 | 3 {
  const n = Number(level)
  return (headingLevels as readonly number[]).includes(n) ? (n as 1 | 2 | 3) : n > 3 ? 3 : 1
}

/**
 * `within` mappings take no attrParsers in @automerge/prosemirror 0.2.0, so give the task item
 * its `checked` attribute here; without it a tick would not reach the Automerge document.
 */
export function addTaskItemAttrParsers(adapter: SchemaAdapter): SchemaAdapter {
  for (const mapping of adapter.nodeMappings) {
    if (mapping.blockName === blockNames.taskItem) {
      mapping.attrParsers = {
        fromProsemirror: (node: PmNode) => ({ checked: node.attrs.checked === true }),
        fromAutomerge: (block) => ({ checked: block.attrs.checked === true }),
      }
    }
  }
  return adapter
}

export const noteSchemaAdapter = addTaskItemAttrParsers(new SchemaAdapter(noteSchemaSpec))
export const noteSchema = noteSchemaAdapter.schema
