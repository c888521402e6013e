'use client'

/** The root layout itself failed (it renders its own document, without the app's styles). */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24, color: '#0f172a' }}>
        <title>Prover Pool — error</title>
        <h1>Prover Pool could not be shown</h1>
        <p>Something went wrong while rendering the page.</p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </body>
    </html>
  )
}
