/**
 * Shown while a page reads the chain on the server. It takes at least the viewport's height, so the
 * footer below stays out of view and nothing visible moves when the page streams in over it.
 */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="min-h-screen space-y-4">
      <p className="text-slate-700">Reading the pool from the chain…</p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  )
}
