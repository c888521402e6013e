import type { ReactNode } from 'react'

export type NoticeTone = 'info' | 'warning' | 'danger'

const tones: Record<NoticeTone, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  warning: 'border-amber-400 bg-amber-50 text-amber-950',
  danger: 'border-red-400 bg-red-50 text-red-950',
}

/**
 * A banner. `live` makes screen readers announce it when it appears (status: polite, alert: assertive).
 */
export function Notice({
  tone = 'info',
  title,
  children,
  live,
}: {
  tone?: NoticeTone
  title: string
  children?: ReactNode
  live?: 'status' | 'alert'
}) {
  return (
    <div role={live} className={`rounded-lg border px-4 py-3 ${tones[tone]}`}>
      <p className="font-semibold">{title}</p>
      {children ? <div className="mt-1 space-y-1 text-sm">{children}</div> : null}
    </div>
  )
}
