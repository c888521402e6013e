import type { ReactNode } from 'react'

export type BadgeTone = 'neutral' | 'good' | 'info' | 'warning' | 'danger'

const tones: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  good: 'bg-emerald-50 text-emerald-800 ring-emerald-300',
  info: 'bg-sky-50 text-sky-800 ring-sky-300',
  warning: 'bg-amber-50 text-amber-900 ring-amber-400',
  danger: 'bg-red-50 text-red-800 ring-red-300',
}

/** A short status word. Colour is never the only signal: the word itself says it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset whitespace-nowrap ${tones[tone]}`}
    >
      {children}
    </span>
  )
}
