import { DEPLOYER_INDEX, devAccount } from '../../lib/network/accounts'
import { demoConfig, demoInitialState } from '../../lib/pool-math/config'
import { STAKE_UNIT } from '../../lib/pool-math/constants'
import { deployContracts } from '../lib/deploy-core'
import { population } from './config'

/**
 * The demo network's contracts, as `npm start`, the e2e chain, the scale benchmark and the history
 * test deploy them: the demo config, its starting F and average delay, and the treasury the demo
 * population's rewards draw on, deployed by the deployer account.
 */
export function deployDemoContracts(rpcUrl: string) {
  return deployContracts({
    rpcUrl,
    privateKey: devAccount(DEPLOYER_INDEX).privateKey,
    config: demoConfig,
    initialFeePerGas: demoInitialState.feePerGas,
    initialAvgProofDelayMs: demoInitialState.avgProofDelayMs,
    treasuryFunding: BigInt(population.treasuryTko) * STAKE_UNIT,
  })
}
