import { useEffect, useRef, useState } from 'react'

/**
 * `value` as it was when the screen last painted: a new value reaches the caller only after the frame that
 * shows the rest of the screen's change. For what a scan screen shows beside the counts (the unit lists, the
 * lines table): a scan's answer is drawn first without them (they are memoized, so that drawing skips them) and
 * painted in the first frame after it arrives; the lists follow right after that frame (issue 10).
 *
 * Written by hand rather than with React's `useDeferredValue`: React draws a deferred value in a pass that may
 * run before the browser's next frame, which then waits for it (bench/paths/paintProfile.ts counted two commits
 * before the frame on at least half the scans); React has no "after the next paint". A page that gets no frames (not
 * visible: a minimised window taking a serial scanner's scans) gets the value at once, as the scan sound does.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value)
  const latest = useRef(value)
  latest.current = value
  const waiting = useRef(false)
  useEffect(() => {
    if (shown === value) return
    // A hidden page paints nothing (and its animation frames wait until it shows again): the value goes at once.
    if (document.visibilityState !== 'visible') return setShown(value)
    if (waiting.current) return
    // One wait at a time: scans quicker than frames take the newest value when it ends.
    waiting.current = true
    requestAnimationFrame(() =>
      setTimeout(() => {
        waiting.current = false
        setShown(latest.current)
      }, 0)
    )
  }, [value, shown])
  return shown
}
