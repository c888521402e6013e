/**
 * The living network: the demo population's bots, all in this process under one scheduler.
 * `startNetwork` starts them against a deployed, populated chain; `stop()` ends every job cleanly.
 */
import type { Deployment } from '../../lib/chain/deployment'
import type { PoolConfig } from '../../lib/pool-math/config'
import { startChurn } from './bots/churn'
import { startClaimer } from './bots/claimer'
import { startProposer } from './bots/proposer'
import { startProvers } from './bots/provers'
import { startRacer } from './bots/racer'
import { startScenario } from './bots/scenario'
import { startStatus } from './bots/status'
import { startTuner } from './bots/tuner'
import { startWatcher } from './bots/watcher'
import type { Clients } from './chain'
import { population } from './config'
import { type DemoProver, Network } from './network'
import type { Scenario } from './scenarios'
import { Scheduler } from './scheduler'

export type StartNetworkParameters = {
  clients: Clients
  deployment: Deployment
  config: PoolConfig
  provers: readonly DemoProver[]
  scenario: Scenario
}

export type RunningNetwork = {
  network: Network
  stop: () => Promise<void>
}

export async function startNetwork({
  clients,
  deployment,
  config,
  provers,
  scenario,
}: StartNetworkParameters): Promise<RunningNetwork> {
  const scheduler = new Scheduler()
  const network = new Network({ clients, deployment, config, provers, scheduler, seed: population.seed })
  await network.readPool()
  const head = await clients.publicClient.getBlockNumber()
  startWatcher(network, head + 1n)
  startScenario(network, scenario)
  startProposer(network)
  startProvers(network)
  startRacer(network)
  startClaimer(network)
  startTuner(network)
  startChurn(network)
  startStatus(network)
  return { network, stop: () => scheduler.stop() }
}
