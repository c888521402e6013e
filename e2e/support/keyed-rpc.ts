/**
 * A keyed JSON-RPC endpoint in front of anvil, as a provider gives an operator one
 * (`https://provider/v2/<key>`): POST `/<secret>` is forwarded to anvil, every other path answers 404
 * (without echoing anything). `setDown(true)` makes it reset every connection, as a node that is down
 * does. Started by the chain server; the app's RPC_URL points here in the e2e run.
 */
import { createServer, type Server } from 'node:http'

export type KeyedRpc = { server: Server; setDown(down: boolean): void; close(): Promise<void> }

export async function startKeyedRpc({
  host,
  port,
  secret,
  upstream,
}: {
  host: string
  port: number
  secret: string
  upstream: string
}): Promise<KeyedRpc> {
  let down = false
  const server = createServer((request, response) => {
    if (down) {
      request.socket.destroy()
      return
    }
    if (request.method !== 'POST' || request.url !== `/${secret}`) {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('not found')
      return
    }
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      fetch(upstream, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.concat(chunks),
      })
        .then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': 'application/json' })
          response.end(Buffer.from(await answer.arrayBuffer()))
        })
        .catch(() => {
          response.writeHead(502, { 'content-type': 'text/plain' })
          response.end('upstream failed')
        })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  return {
    server,
    setDown(value) {
      down = value
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
