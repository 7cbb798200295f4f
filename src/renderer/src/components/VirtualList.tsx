import { memo, useCallback, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

type VirtualListProps<T> = {
  items: T[]
  itemKey: (item: T) => string
  /** A first guess of a row's height; each drawn row is measured. */
  estimateHeight: number
  /** Past this height the list scrolls inside itself. */
  maxHeight: number | string
  label?: string
  /**
   * Rows are drawn again only when their item changes (not whenever the list
   * is): for lists that grow while the operator scans, where redrawing every
   * row in view cost more than the rest of the screen. Only when `children`
   * draws from the item alone (and from state setters, which never change).
   */
  stableRows?: boolean
  children: (item: T) => ReactNode
}

/** A row that is drawn again only when its item changes (see `stableRows`). */
const StableRow = memo(
  function StableRow({ item, draw }: { item: unknown; draw: (item: unknown) => ReactNode }) {
    return draw(item)
  },
  (before, after) => before.item === after.item
)

/**
 * A list that draws only the rows in view (TanStack Virtual), so a box or an
 * order of 2,000 units costs a screen no more than one of 20. Rows may differ
 * in height: each is measured once drawn.
 */
export function VirtualList<T>({ items, itemKey, estimateHeight, maxHeight, label, stableRows, children }: VirtualListProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  // The virtualizer lays out every row again (all 2,000 of a big order) whenever `getItemKey` is a new function:
  // it keeps one for as long as the items are the same array, whatever `itemKey` the caller passes.
  const keyOf = useRef(itemKey)
  keyOf.current = itemKey
  const getItemKey = useCallback((index: number) => keyOf.current(items[index]), [items])
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateHeight,
    // A stable list's new row is not measured when it is drawn (getBoundingClientRect would lay out the whole
    // screen there and then, once per scan): it takes the size already known for its item, or the estimate,
    // and the ResizeObserver that watches every row reports its real height after the browser's own layout.
    ...(stableRows && {
      measureElement: (
        element: Element,
        entry: ResizeObserverEntry | undefined,
        instance: { indexFromElement(e: Element): number; measurementsCache: { size: number }[] }
      ) => entry?.borderBoxSize?.[0]?.blockSize ?? instance.measurementsCache[instance.indexFromElement(element)]?.size ?? estimateHeight
    }),
    getItemKey,
    overscan: 8
  })
  return (
    <div ref={scrollRef} aria-label={label} style={{ maxHeight, overflowY: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {stableRows ? (
              <StableRow item={items[row.index]} draw={children as (item: unknown) => ReactNode} />
            ) : (
              children(items[row.index])
            )}
          </div>
        ))}
      </div>
    </div>
  )
}
