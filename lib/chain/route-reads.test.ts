import { describe, expect, it } from 'vitest'
import { fromWire } from '@/lib/wire'
import { parseBlockParam, poolRoute, stakerRoute } from './route-reads'

describe('the pool and staker routes', () => {
  it('read a block number only as decimal digits below 2^63', () => {
    expect(parseBlockParam('120')).toBe(120n)
    expect(parseBlockParam('0')).toBe(0n)
    for (const bad of [null, '', '-1', '0x10', '1.5', '1e3', ' 12', `${2n ** 63n}`, '9'.repeat(20)])
      expect(parseBlockParam(bad)).toBeNull()
  })

  it('answer bad parameters with 400 and what is wrong, before anything reaches the node', async () => {
    const pool = await poolRoute(new Request('http://app.test/api/pool?block=latest'))
    expect(pool.status).toBe(400)
    expect(fromWire(await pool.text())).toEqual({
      error: 'block must be a block number in decimal, e.g. ?block=120',
    })
    const staker = await stakerRoute(new Request('http://app.test/api/staker?address=0x12&block=5'))
    expect(staker.status).toBe(400)
    expect(fromWire(await staker.text())).toEqual({
      error: 'address must be a 0x-prefixed 20-byte hex address',
    })
  })
})
