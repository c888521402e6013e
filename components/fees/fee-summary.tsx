'use client'

import { Stat, StatGrid } from '@/components/ui/stat'
import { usePool } from '@/lib/chain/hooks'
import type { Pool } from '@/lib/chain/types'
import { formatPerGas } from '@/lib/format/units'
import { BPS } from '@/lib/pool-math/config'
import { nextFeePerGas } from '@/lib/pool-math/nextFeePerGas'

/** F now, the band R' is clamped to, the range R may be set in, and where the next proof can move F. */
export function FeeSummary({ initialPool }: { initialPool: Pool }) {
  const { pool } = usePool(initialPool)
  const F = pool.feePerGas
  const c = pool.config
  const floor = (F * c.rewardFloorBps) / BPS
  const cap = (F * c.rewardCapBps) / BPS
  const up = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: cap }, c)
  const down = nextFeePerGas({ feePerGas: F, effectiveRewardPerGas: floor }, c)
  return (
    <StatGrid label="Fee per gas now">
      <Stat label="Fee per gas" value={formatPerGas(F)} detail="TKO per gas, paid by proposers" />
      <Stat
        label="Paid to assigned provers"
        value={`${formatPerGas(floor, { maxFractionDigits: 4 })} – ${formatPerGas(cap, { maxFractionDigits: 4 })}`}
        detail="R' = R clamped to 95 %–105 % of F"
      />
      <Stat
        label="Allowed reward per gas"
        value={`${formatPerGas((F * c.rewardRangeMinBps) / BPS, { maxFractionDigits: 4 })} – ${formatPerGas((F * c.rewardRangeMaxBps) / BPS, { maxFractionDigits: 4 })}`}
        detail="range a prover may state R in"
      />
      <Stat
        label="After the next proof"
        value={`${formatPerGas(down)} – ${formatPerGas(up)}`}
        detail="F if that block's R' is at the floor / the cap"
      />
    </StatGrid>
  )
}
