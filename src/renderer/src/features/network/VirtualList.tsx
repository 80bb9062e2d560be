import { Skeleton, UnstyledButton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type ReactNode } from 'react'
import type { PagedRows } from './usePagedRows'
import classes from './VirtualList.module.css'

export interface VirtualListProps<Row> {
  rows: PagedRows<Row>
  /** Names the list for screen readers. */
  label: string
  rowHeight: number
  idOf: (row: Row) => string
  /** Each row links here; without it rows are plain text (the trash, where records are not opened). */
  hrefFor?: (row: Row) => string
  renderRow: (row: Row) => ReactNode
  /** Before the row's link, e.g. a selection checkbox. Controls never sit inside the link. */
  renderLead?: (row: Row, index: number) => ReactNode
  /** After the row's link, e.g. a Restore button. */
  renderAside?: (row: Row) => ReactNode
  selectedId?: string
  empty: ReactNode
  testId: string
}

/**
 * A long list that renders only the rows in view (10,000 contacts scroll as smoothly as 10), each a
 * link. Positions are announced with aria-setsize/aria-posinset, since most rows are not in the DOM.
 */
export function VirtualList<Row>(props: VirtualListProps<Row>) {
  const { rows, label, rowHeight, idOf, hrefFor, renderRow, renderLead, renderAside, selectedId, empty, testId } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensure } = rows

  useEffect(() => {
    ensure(first, last)
  }, [ensure, first, last])

  return (
    <div ref={scrollRef} className={classes.scroll} data-virtual-scroll>
      {rows.loaded && rows.total === 0 ? (
        <div className={classes.empty}>{empty}</div>
      ) : (
        <ul aria-label={label} className={classes.list} style={{ height: virtualizer.getTotalSize() }} data-testid={testId}>
          {items.map((item) => {
            const row = rows.rowAt(item.index)
            return (
              <li
                key={item.key}
                className={classes.item}
                style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                aria-setsize={rows.total}
                aria-posinset={item.index + 1}
                data-testid={`${testId}-row`}
              >
                {row ? (
                  <div className={classes.row}>
                    {renderLead?.(row, item.index)}
                    {hrefFor ? (
                      <UnstyledButton
                        component="a"
                        href={hrefFor(row)}
                        className={classes.link}
                        aria-current={idOf(row) === selectedId ? 'page' : undefined}
                      >
                        {renderRow(row)}
                      </UnstyledButton>
                    ) : (
                      <div className={`${classes.link} ${classes.plain}`}>{renderRow(row)}</div>
                    )}
                    {renderAside?.(row)}
                  </div>
                ) : (
                  <Skeleton height={rowHeight - 16} m={8} aria-label="Loading" />
                )}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
