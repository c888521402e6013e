import type { PoolConfig } from './config'

/**
 * The backlog at or below which emergency mode may end (with at least `minAvailableProvers` provers
 * that have capacity): `congestionBacklog / 4`, rounded down. Mirrors `_canLeaveEmergency` in
 * contracts/BlockProtocol.sol.
 */
export function emergencyExitBacklog(config: Pick<PoolConfig, 'congestionBacklog'>): bigint {
  return config.congestionBacklog / 4n
}
