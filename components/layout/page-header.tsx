import type { ReactNode } from 'react'

/** The page's h1 and a one-line summary. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-5">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
      {children ? <div className="mt-1 max-w-3xl text-slate-700">{children}</div> : null}
    </div>
  )
}
