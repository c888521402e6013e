import type { PoolConfig } from './config'
import { type PoolConfigKey, poolConfigKeys } from './config-keys'
import { configBounds } from './configBounds'

export type ValidateConfigReturnType = {
  field: PoolConfigKey
  /** The field's position in `struct Config` (what `ProverPoolConfigInvalid` reports). */
  index: number
  value: bigint
  min: bigint
  max: bigint
} | null

/**
 * The first `Config` field outside its bounds (`configBounds`), in `struct Config` order, or `null` when the
 * config is valid. Mirrors `ProverPool._checkConfig`: the contracts revert with
 * `ProverPoolConfigInvalid(index, value, min, max)` for this field.
 */
export function validateConfig(config: PoolConfig): ValidateConfigReturnType {
  for (const [index, field] of poolConfigKeys.entries()) {
    const { min, max } = configBounds(field, config)
    const value = config[field]
    if (value < min || value > max) return { field, index, value, min, max }
  }
  return null
}
