'use client'

import { StaleNotice } from '@/components/layout/stale-notice'
import { Stat, StatGrid } from '@/components/ui/stat'
import { usePool } from '@/lib/chain/hooks'
import { formatBps } from '@/lib/format/percent'
import { formatPerGas } from '@/lib/format/units'
import { nextFeePerGas } from '@/lib/pool-math/nextFeePerGas'
import { rewardPerGasBand } from '@/lib/pool-math/rewardPerGasBand'
import { rewardPerGasRange } from '@/lib/pool-math/rewardPerGasRange'
import type { PoolView } from '@/lib/pool-math/types'

/** F now, the band R' is clamped to, the range R may be set in, and where the next proof can move F. */
export function FeeSummary({ initialPool }: { initialPool: PoolView }) {
  const { pool } = usePool(initialPool)
  const F = pool.feePerGas
  const c = pool.config
  const { floor, cap } = rewardPerGasBand({ feePerGas: F }, c)
  const range = rewardPerGasRange({ feePerGas: F }, c)
  const up = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: cap }, c)
  const down = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: floor }, c)
  return (
    <>
      <StaleNotice source="pool" what="the current fee" />
      <StatGrid label="Fee per gas now">
        <Stat label="Fee per gas" value={formatPerGas(F)} detail="TKO per gas, paid by proposers" />
        <Stat
          label="Paid to assigned provers"
          value={`${formatPerGas(floor, { maxFractionDigits: 4 })} – ${formatPerGas(cap, { maxFractionDigits: 4 })}`}
          detail={`R' = R clamped to ${formatBps(c.rewardFloorBps)}–${formatBps(c.rewardCapBps)} of F`}
        />
        <Stat
          label="Allowed reward per gas"
          value={`${formatPerGas(range.min, { maxFractionDigits: 4 })} – ${formatPerGas(range.max, { maxFractionDigits: 4 })}`}
          detail="range a prover may state R in"
        />
        <Stat
          label="After the next proof"
          value={`${formatPerGas(down)} – ${formatPerGas(up)}`}
          detail="F if that block's R' is at the floor / the cap"
        />
      </StatGrid>
    </>
  )
}
