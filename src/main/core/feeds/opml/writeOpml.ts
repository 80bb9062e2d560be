import type { OpmlSubscription } from './opmlTypes'
import { escapeXmlAttribute } from '../xmlText'

interface FolderNode {
  name: string
  folders: Map<string, FolderNode>
  /** Feeds and sub-folders in the order they first appear, so parse → write → parse keeps the order. */
  items: Array<{ feed: OpmlSubscription } | { folder: FolderNode }>
}

/**
 * Writes an OPML 2.0 subscription list that parseOpml reads back to the same subscriptions:
 * folders ("A / B") become nested folder outlines placed where their first feed appears, and
 * feeds keep the order given within each folder. Every attribute is escaped, so any title or address survives.
 */
export function writeOpml(input: { title: string; subscriptions: OpmlSubscription[]; dateCreated?: Date }): string {
  const root: FolderNode = { name: '', folders: new Map(), items: [] }
  for (const subscription of input.subscriptions) {
    let folder = root
    for (const segment of (subscription.folder ?? '').split(' / ').filter((s) => s.trim() !== '')) {
      let child = folder.folders.get(segment)
      if (child === undefined) {
        child = { name: segment, folders: new Map(), items: [] }
        folder.folders.set(segment, child)
        folder.items.push({ folder: child })
      }
      folder = child
    }
    folder.items.push({ feed: subscription })
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${escapeXmlAttribute(input.title)}</title>`,
    `    <dateCreated>${(input.dateCreated ?? new Date()).toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...folderLines(root, 2),
    '  </body>',
    '</opml>',
    '',
  ]
  return lines.join('\n')
}

function folderLines(folder: FolderNode, depth: number): string[] {
  const indent = '  '.repeat(depth)
  return folder.items.flatMap((item) => {
    if ('feed' in item) return [`${indent}<outline ${feedAttributes(item.feed)}/>`]
    const name = escapeXmlAttribute(item.folder.name)
    return [`${indent}<outline text="${name}" title="${name}">`, ...folderLines(item.folder, depth + 1), `${indent}</outline>`]
  })
}

function feedAttributes(feed: OpmlSubscription): string {
  const title = escapeXmlAttribute(feed.title || feed.feedUrl)
  const site = feed.siteUrl === null ? '' : ` htmlUrl="${escapeXmlAttribute(feed.siteUrl)}"`
  return `type="rss" text="${title}" title="${title}" xmlUrl="${escapeXmlAttribute(feed.feedUrl)}"${site} `
}
