/** 0x and 40 hex digits, any case (viem's `isAddress(…, { strict: false })` without its checksum code). */
export function isHexAddress(value: string): value is `0x${string}` {
  return /^0x[0-9a-fA-F]{40}$/.test(value)
}

/** '0x1234567890abcdef…' → '0x1234…cdef'. */
export function shortAddress(address: string, chars = 4): string {
  if (address.length <= 2 + chars * 2 + 1) return address
  return `${address.slice(0, 2 + chars)}…${address.slice(-chars)}`
}
