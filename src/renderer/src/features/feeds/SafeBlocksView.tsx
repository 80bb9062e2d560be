import { Anchor, Text, Title, type TitleOrder } from '@mantine/core'
import type { SafeBlock, SafeInline } from '@shared/feeds/safeBlocks'
import { IconPhotoOff } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { openExternalLink } from '../notes/editor/openExternalLink'
import classes from './Feeds.module.css'

/** The core sends only http(s) links; checked again here so nothing else ever becomes clickable. */
export function webHref(href: string): string | null {
  try {
    const url = new URL(href)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

function isHttps(src: string): boolean {
  try {
    return new URL(src).protocol === 'https:'
  } catch {
    return false
  }
}

/** A link that leaves the app through the one rule every external link follows. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const safe = webHref(href)
  if (!safe) return <>{children}</>
  return (
    <Anchor
      href={safe}
      // Underlined: inside a paragraph colour alone does not tell a link apart (WCAG 1.4.1).
      underline="always"
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => {
        event.preventDefault()
        openExternalLink(safe)
      }}
    >
      {children}
    </Anchor>
  )
}

function Inlines({ inlines }: { inlines: SafeInline[] }) {
  return (
    <>
      {inlines.map((inline, index) =>
        inline.type === 'link' ? (
          <ExternalLink key={index} href={inline.href}>
            {inline.text}
          </ExternalLink>
        ) : (
          <span key={index}>{inline.text}</span>
        ),
      )}
    </>
  )
}

function ImageBlock({ block, imagesAllowed }: { block: Extract<SafeBlock, { type: 'image' }>; imagesAllowed: boolean }) {
  // The CSP lets the page load https images only (see contentSecurityPolicy.ts); an http one would be refused anyway.
  if (imagesAllowed && isHttps(block.src)) {
    return (
      <figure className={classes.figure}>
        <img src={block.src} alt={block.alt} referrerPolicy="no-referrer" loading="lazy" decoding="async" className={classes.image} />
      </figure>
    )
  }
  return (
    <figure className={classes.imagePlaceholder} data-testid="feed-image-placeholder">
      <IconPhotoOff size={18} aria-hidden />
      <div>
        <Text size="sm">{block.alt ? `Image: ${block.alt}` : 'Image (no description)'}</Text>
        <Text size="xs" c="dimmed">
          {imagesAllowed ? 'Not loaded: its address is not secure (it does not start with https://).' : 'Not loaded.'}
        </Text>
      </div>
    </figure>
  )
}

type Group = { kind: 'list'; items: Array<Extract<SafeBlock, { type: 'listItem' }>> } | { kind: 'block'; block: Exclude<SafeBlock, { type: 'listItem' }> }

/** Runs of list items become one list. */
function grouped(blocks: SafeBlock[]): Group[] {
  const groups: Group[] = []
  for (const block of blocks) {
    const last = groups.at(-1)
    if (block.type === 'listItem') {
      if (last?.kind === 'list') last.items.push(block)
      else groups.push({ kind: 'list', items: [block] })
    } else groups.push({ kind: 'block', block })
  }
  return groups
}

function headingOrder(level: number): TitleOrder {
  // The item's own title is the h2; its headings sit below it.
  return Math.min(6, Math.max(3, level + 2)) as TitleOrder
}

function Block({ block, imagesAllowed }: { block: Exclude<SafeBlock, { type: 'listItem' }>; imagesAllowed: boolean }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <Text component="p" className={classes.paragraph}>
          <Inlines inlines={block.inlines} />
        </Text>
      )
    case 'heading':
      return (
        <Title order={headingOrder(block.level)} size="h5">
          <Inlines inlines={block.inlines} />
        </Title>
      )
    case 'quote':
      return (
        <blockquote className={classes.quote}>
          <Inlines inlines={block.inlines} />
        </blockquote>
      )
    case 'code':
      return (
        <pre className={classes.code}>
          <code>{block.text}</code>
        </pre>
      )
    case 'image':
      return <ImageBlock block={block} imagesAllowed={imagesAllowed} />
  }
}

/**
 * A feed item's sanitised content as React text nodes and http(s) links: no markup from the feed
 * ever reaches the DOM, and images load only when the teacher allowed them for this feed.
 */
export function SafeBlocksView({ blocks, imagesAllowed }: { blocks: SafeBlock[]; imagesAllowed: boolean }) {
  return (
    <div className={classes.content} data-testid="feed-item-content">
      {grouped(blocks).map((group, index) =>
        group.kind === 'list' ? (
          <ul key={index} className={classes.list}>
            {group.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <Inlines inlines={item.inlines} />
              </li>
            ))}
          </ul>
        ) : (
          <Block key={index} block={group.block} imagesAllowed={imagesAllowed} />
        ),
      )}
    </div>
  )
}
