import fc from 'fast-check'
import {
  bytesToHex,
  concat,
  encodeAbiParameters,
  type Hex,
  hexToBigInt,
  keccak256,
  numberToHex,
  toHex,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { selectionSeed } from './selectionSeed'

const zeroHash: Hex = `0x${'00'.repeat(32)}`

describe('selectionSeed', () => {
  it('is keccak256 over the two 32-byte ABI words (parentHash, blockId)', () => {
    const parentHash: Hex = `0x${'ab'.repeat(32)}`
    const manual = hexToBigInt(keccak256(concat([parentHash, numberToHex(42n, { size: 32 })])))
    expect(selectionSeed({ parentHash, blockId: 42n })).toBe(manual)
  })

  it('matches the recorded vectors', () => {
    expect(selectionSeed({ parentHash: zeroHash, blockId: 1n })).toBe(
      75_506_153_327_051_474_587_906_755_573_858_019_282_972_751_592_871_715_030_499_431_892_688_993_766_217n,
    )
    expect(selectionSeed({ parentHash: `0x${'ab'.repeat(32)}`, blockId: 42n })).toBe(
      41_257_523_955_386_399_903_611_028_649_001_982_814_703_401_111_106_969_543_156_478_857_395_214_384_463n,
    )
  })

  it('equals keccak256 of the ABI encoding for any hash and id (the hand-built encoding)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }),
        (bytes, upper, blockId) => {
          const hex = bytesToHex(bytes)
          const parentHash = (upper ? `0x${hex.slice(2).toUpperCase()}` : hex) as Hex
          const viaAbi = hexToBigInt(
            keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [parentHash, blockId])),
          )
          expect(selectionSeed({ parentHash, blockId })).toBe(viaAbi)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('rejects a parent hash that is not 32 bytes', () => {
    expect(() => selectionSeed({ parentHash: '0x1234', blockId: 1n })).toThrow()
  })

  it('changes with the block id and with the parent hash', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n }), (blockId) => {
        const parentHash = keccak256(toHex(blockId))
        const seed = selectionSeed({ parentHash, blockId })
        expect(seed).not.toBe(selectionSeed({ parentHash, blockId: blockId + 1n }))
        expect(seed).not.toBe(selectionSeed({ parentHash: zeroHash, blockId }))
        expect(seed < 2n ** 256n).toBe(true)
      }),
      { numRuns: 50 },
    )
  })
})
