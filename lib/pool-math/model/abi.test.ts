import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../config'
import { poolConfigKeys } from '../config-keys'
import { PoolModelError, poolErrorNames } from './errors'
import { alice, newModel, propose, stake } from './testing'

/**
 * The model's shapes against the Solidity sources: struct fields in ABI order (viem decodes structs into
 * objects with these keys), and the custom errors by name. A mismatch here is a mismatch with the chain.
 */
const source = (file: string) => readFileSync(new URL(`../../../contracts/${file}`, import.meta.url), 'utf8')

function structFields(name: string): string[] {
  const body = source('PoolTypes.sol').match(new RegExp(`struct ${name} \\{([^}]*)\\}`))?.[1]
  if (!body) throw new Error(`struct ${name} not found`)
  return body
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter(Boolean)
    .map((line) => line.replace(/;$/, '').split(/\s+/).at(-1)!)
}

function declaredErrors(): Set<string> {
  const names = new Set<string>()
  for (const file of ['ProverPool.sol', 'BlockProtocol.sol'])
    for (const m of source(file).matchAll(/^\s*error (\w+)\(/gm)) names.add(m[1]!)
  return names
}

describe('PoolModel shapes match contracts/PoolTypes.sol', () => {
  const model = newModel()
  stake(model, alice)
  propose(model)
  const view = model.lens()

  it('has the Config fields in order', () => {
    expect([...poolConfigKeys]).toEqual(structFields('Config'))
    expect(Object.keys(defaultConfig)).toEqual(structFields('Config'))
  })

  it('returns PoolView and ProverView with the struct fields in order', () => {
    expect(Object.keys(view)).toEqual(structFields('PoolView'))
    expect(Object.keys(view.provers[0]!)).toEqual(structFields('ProverView'))
  })

  it('returns StakerInfo and BlockInfo with the struct fields in order', () => {
    expect(Object.keys(model.getStaker(alice))).toEqual(structFields('StakerInfo'))
    expect(Object.keys(model.getBlock(1n))).toEqual(structFields('BlockInfo'))
  })

  it("knows exactly the custom errors the contracts declare (plus Ownable's two)", () => {
    const declared = declaredErrors()
    expect(new Set(poolErrorNames)).toEqual(
      new Set([...declared, 'OwnableUnauthorizedAccount', 'OwnableInvalidOwner']),
    )
    const e = new PoolModelError({ name: 'ProverPoolStakeTooLow', args: [1n, 2n] })
    expect(e).toMatchObject({
      errorName: 'ProverPoolStakeTooLow',
      args: [1n, 2n],
      details: 'ProverPoolStakeTooLow(1, 2)',
    })
    expect(e.shortMessage).toContain('below the minimum')
  })
})
