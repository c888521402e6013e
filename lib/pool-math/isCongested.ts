import type { PoolConfig } from './config'

export type IsCongestedParameters = {
  /** Unproven blocks (before the block being proposed). */
  backlog: bigint
}

/**
 * Whether the backlog is at the congestion threshold: a proposal then switches emergency mode on
 * (reason `Congestion`). `backlog >= congestionBacklog`; it ends again at `emergencyExitBacklog`.
 * Mirrors `_updateEmergencyOnProposal` in contracts/BlockProtocol.sol.
 */
export function isCongested(
  { backlog }: IsCongestedParameters,
  config: Pick<PoolConfig, 'congestionBacklog'>,
): boolean {
  return backlog >= config.congestionBacklog
}
