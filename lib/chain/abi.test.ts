import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { ProverPoolLens } from '@/contracts-abi/ProverPoolLens'
import { poolEventsAbi, poolLensAbi } from './abi'

describe('the dashboard ABI fragments', () => {
  it('match ProverPoolLens.getPool in the generated ABI', () => {
    const generated = ProverPoolLens.abi.filter((item) => item.type === 'function' && item.name === 'getPool')
    expect(poolLensAbi).toEqual(generated)
  })

  it('match every BlockProtocol event the dashboard reads', () => {
    for (const fragment of poolEventsAbi) {
      const generated = BlockProtocol.abi.find((item) => item.type === 'event' && item.name === fragment.name)
      expect(fragment, `event ${fragment.name}`).toEqual(generated)
    }
  })
})
