/**
 * JSON between the app's routes and the browser, bigints included: a bigint travels as the string
 * of its digits followed by `n` ("1500000n"), and comes back as a bigint. The app's own shapes (the
 * pool, a staker, a history view) carry no string of that form, and `toWire` refuses one rather than
 * let it come back as a number. Browser-safe, no dependencies: the read-only pages decode with this,
 * not with viem.
 */

const BIGINT = /^-?\d+n$/

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`
    if (typeof v === 'string' && BIGINT.test(v)) throw new Error(`"${v}" would read back as a bigint`)
    return v
  })
}

export function fromWire<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) =>
    typeof v === 'string' && BIGINT.test(v) ? BigInt(v.slice(0, -1)) : v,
  ) as T
}

/** A wire JSON response (`cache-control: no-store`: every answer is about a moment of the chain). */
export function wireResponse(body: unknown, status = 200): Response {
  return new Response(toWire(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  })
}
