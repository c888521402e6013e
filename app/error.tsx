'use client'

/** A page failed to render: say so, and offer to try again (the chain state may have moved on). */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined
  return (
    <div role="alert" className="rounded-lg border border-red-400 bg-red-50 px-5 py-4 text-red-950">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <p className="mt-2">
        Something went wrong while rendering it. The chain data may have changed under it; trying again
        usually helps.
      </p>
      {digest ? <p className="mt-1 text-sm">Reference: {digest}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="mt-3 rounded-md bg-red-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-900"
      >
        Try again
      </button>
    </div>
  )
}
