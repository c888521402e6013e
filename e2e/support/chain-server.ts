/**
 * The e2e chain, as a Playwright web server (the first one, so it is up before the app starts):
 *
 *   1. anvil on 8555: automine, no interval mining; every mined block advances chain time by exactly
 *      `E2E_BLOCK_TIME_STEP` seconds (wall clock never leaks in, so tests control time);
 *   2. deploys the contracts with the demo config (lib/pool-math/config.ts);
 *   3. stakes the demo population (scripts/network/population.ts; no bots run);
 *   4. writes the deployments file the app (DEPLOYMENTS_FILE) and the fixtures read;
 *   5. serves the keyed RPC endpoint the app reads (keyed-rpc.ts: `http://127.0.0.1:8557/<secret>`
 *      forwards to anvil; `POST :8556/upstream/down` and `/upstream/up` take it down and back up);
 *   6. answers `GET http://127.0.0.1:8556/` with 200 (Playwright's readiness check), prints
 *      "e2e chain ready", and stays up until SIGTERM/SIGINT, when it stops anvil.
 *
 * Run it alone to keep a chain up between test runs (`reuseExistingServer` picks it up locally):
 *   npx tsx e2e/support/chain-server.ts
 */
import { existsSync, rmSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import {
  E2E_BLOCK_TIME_STEP,
  E2E_CHAIN_ID,
  E2E_CHAIN_READY_PORT,
  E2E_DEPLOYMENTS_FILE,
  E2E_KEYED_RPC_PORT,
  E2E_RPC_PORT,
  E2E_RPC_SECRET,
  E2E_RPC_URL,
  repoRoot,
} from './env'

const HOST = '127.0.0.1'

function log(message: string): void {
  process.stdout.write(`[e2e chain] ${message}\n`)
}

async function main(): Promise<void> {
  const started = Date.now()
  if (!existsSync(path.join(repoRoot, 'contracts-abi', 'BlockProtocol.ts'))) {
    throw new Error('contracts-abi/ is missing: compile the contracts first (npm run compile).')
  }
  const { assertPortFree } = await import('../../scripts/lib/process')
  await assertPortFree('e2e anvil', HOST, E2E_RPC_PORT)
  await assertPortFree('e2e chain readiness', HOST, E2E_CHAIN_READY_PORT)
  await assertPortFree('e2e keyed RPC', HOST, E2E_KEYED_RPC_PORT)

  // Modules that import the generated ABIs load only once we know they exist.
  const [{ startAnvil }, { deployDemoContracts }, { serializeDeployment }, pool, chain, population] =
    await Promise.all([
      import('../../scripts/lib/anvil'),
      import('../../scripts/network/deploy-demo'),
      import('../../lib/chain/deployment'),
      import('../../lib/pool-math/config'),
      import('../../scripts/network/chain'),
      import('../../scripts/network/population'),
    ])
  const { startKeyedRpc } = await import('./keyed-rpc')

  let server: Server | undefined
  let keyed: Awaited<ReturnType<typeof startKeyedRpc>> | undefined
  let anvil: Awaited<ReturnType<typeof startAnvil>> | undefined
  /** Synchronous part first: a signal handler of scripts/lib/anvil.ts may exit the process right after. */
  const stop = (code: number) => {
    server?.close()
    void keyed?.close()
    rmSync(E2E_DEPLOYMENTS_FILE, { force: true })
    void (anvil?.stop() ?? Promise.resolve()).finally(() => process.exit(code))
  }
  // Registered before startAnvil so this cleanup runs before anvil.ts's own exit handler.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop(0))
  anvil = await startAnvil({ port: E2E_RPC_PORT, silent: true })

  try {
    if (anvil.rpcUrl.replace(/\/$/, '') !== E2E_RPC_URL) {
      throw new Error(`anvil answers at ${anvil.rpcUrl}, expected ${E2E_RPC_URL}`)
    }
    const clients = chain.createClients(anvil.rpcUrl, E2E_CHAIN_ID)
    // Chain time: latest + step per block, never the wall clock (evm_setNextBlockTimestamp still works).
    await clients.testClient.setBlockTimestampInterval({ interval: E2E_BLOCK_TIME_STEP })
    log(`anvil on ${anvil.rpcUrl} (automine; +${E2E_BLOCK_TIME_STEP} s per block)`)

    const deployment = await deployDemoContracts(anvil.rpcUrl)
    log(`deployed: core ${deployment.addresses.protocol}, lens ${deployment.addresses.lens}`)

    const populated = await population.stakePopulation({
      clients,
      addresses: deployment.addresses,
      config: pool.demoConfig,
    })
    log(
      `population: ${populated.provers.length} provers, ${populated.active} active, ` +
        `${populated.evicted.length} evicted, ${populated.exiting.length} exiting`,
    )

    await mkdir(path.dirname(E2E_DEPLOYMENTS_FILE), { recursive: true })
    const temporary = `${E2E_DEPLOYMENTS_FILE}.${process.pid}.tmp`
    await writeFile(temporary, serializeDeployment(deployment))
    await rename(temporary, E2E_DEPLOYMENTS_FILE)

    const body = JSON.stringify({
      status: 'ready',
      rpcUrl: anvil.rpcUrl,
      chainId: E2E_CHAIN_ID,
      deploymentsFile: E2E_DEPLOYMENTS_FILE,
    })
    keyed = await startKeyedRpc({
      host: HOST,
      port: E2E_KEYED_RPC_PORT,
      secret: E2E_RPC_SECRET,
      upstream: anvil.rpcUrl,
    })
    log(`keyed RPC endpoint on http://${HOST}:${E2E_KEYED_RPC_PORT}/<secret> (the app's RPC_URL)`)
    const keyedRpc = keyed
    server = createServer((request, response) => {
      if (request.method === 'POST' && (request.url === '/upstream/down' || request.url === '/upstream/up')) {
        keyedRpc.setDown(request.url === '/upstream/down')
        response.writeHead(204)
        response.end()
        return
      }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(body)
    })
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject)
      server?.listen(E2E_CHAIN_READY_PORT, HOST, resolve)
    })
    log(
      `e2e chain ready in ${((Date.now() - started) / 1000).toFixed(1)} s; deployments at ${E2E_DEPLOYMENTS_FILE}`,
    )
  } catch (error) {
    process.stderr.write(`[e2e chain] failed: ${error instanceof Error ? error.message : String(error)}\n`)
    stop(1)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[e2e chain] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
