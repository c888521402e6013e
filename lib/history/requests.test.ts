import { describe, expect, it } from 'vitest'
import { indexerPath, requestOf } from './requests'
import { blocksView, feesView, NON_ACTIVE, proverView, stakersView } from './views'

const address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

describe('history requests (the server side of /api/history/<view>)', () => {
  it('reads back what the browser sends, for every view', () => {
    const cases = [
      [blocksView, { limit: 20, prover: undefined }],
      [blocksView, { limit: 100, prover: address }],
      [feesView, { from: 100n, to: 200n }],
      [feesView, { from: null, to: 200n }],
      [proverView, { address, now: 1_700_000_000n }],
      [stakersView, { status: NON_ACTIVE }],
    ] as const
    for (const [view, params] of cases) {
      const search = new URLSearchParams(view.toSearch(params as never).toString())
      expect(requestOf(view.name)?.fromSearch(search)).toEqual(params)
    }
  })

  it('refuses parameters the indexer should never see', () => {
    const bad: [string, string][] = [
      ['blocks', 'limit=0'],
      ['blocks', 'limit=101'],
      ['blocks', 'limit=-1'],
      ['blocks', 'limit=20&prover=0x123'],
      ['fees', 'from=1'],
      ['fees', 'to=1e9'],
      ['fees', 'to=1&from=abc'],
      ['prover', `address=${address}`],
      ['prover', 'address=alice&now=1'],
      ['stakers', 'status=active,deleted'],
    ]
    for (const [name, search] of bad)
      expect(requestOf(name)?.fromSearch(new URLSearchParams(search)), `${name}?${search}`).toBeNull()
  })

  it('knows only its own views', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'pool', ''])
      expect(requestOf(name), name).toBeUndefined()
  })

  it('asks the indexer for bounded answers', () => {
    expect(indexerPath(feesView, { from: null, to: 5n })).toBe('/history/fees?to=5&buckets=200')
    expect(indexerPath(stakersView, { status: NON_ACTIVE })).toBe(
      '/history/stakers?status=exiting%2Cevicted&limit=1000',
    )
    expect(indexerPath(proverView, { address, now: 7n })).toBe(`/history/provers/${address}?blocks=30&now=7`)
    expect(indexerPath(blocksView, { limit: 20 })).toBe('/history/blocks?limit=20')
  })
})
