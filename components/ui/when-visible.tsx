'use client'

import { type ReactNode, useEffect, useRef, useState } from 'react'

/**
 * Renders `children` only once its box comes near the viewport (IntersectionObserver), and a
 * placeholder of the same height until then. Pair it with `next/dynamic`: a chart's code (recharts)
 * is then fetched and run when the reader scrolls to it, not during hydration. The box keeps its
 * height before and after, so nothing below it moves.
 */
export function WhenVisible({
  height,
  children,
  rootMargin = '200px',
}: {
  height: number
  children: ReactNode
  /** How far outside the viewport loading starts (CSS margin), so the chart is ready on arrival. */
  rootMargin?: string
}) {
  const box = useRef<HTMLDivElement>(null)
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    const element = box.current
    if (!element || visible) return
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true)
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true)
          observer.disconnect()
        }
      },
      { rootMargin },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [visible, rootMargin])
  return (
    <div ref={box} style={{ minHeight: height }}>
      {visible ? children : <ChartPlaceholder height={height} />}
    </div>
  )
}

/** The grey box a chart takes while its code loads. */
export function ChartPlaceholder({ height }: { height: number }) {
  return <div style={{ height }} className="rounded bg-slate-100" />
}
