/** A request body that is larger than the route accepts. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
}

/**
 * Reads a request body as text, but never more than `maxBytes`: a larger `Content-Length` is refused
 * before reading, and a body that streams past the bound is cut off (`BodyTooLargeError`).
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const length = Number(request.headers.get('content-length') ?? '0')
  if (length > maxBytes) throw new BodyTooLargeError(`larger than ${maxBytes} bytes`)
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw new BodyTooLargeError(`larger than ${maxBytes} bytes`)
    }
    chunks.push(value)
  }
  return new TextDecoder().decode(Buffer.concat(chunks))
}
