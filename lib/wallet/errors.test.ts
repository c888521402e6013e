import {
  BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  UserRejectedRequestError,
} from 'viem'
import { describe, expect, it } from 'vitest'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import { describeContractError, formatScientific } from './error-messages'
import { describeTxError, findRevert, isUnsupportedMethod, isUserRejection } from './errors'

function reverted(
  abi: typeof BlockProtocol.abi | typeof TaikoToken.abi,
  data: `0x${string}`,
  decodeWith = abi,
) {
  return new ContractFunctionExecutionError(
    new ContractFunctionRevertedError({ abi: decodeWith, data, functionName: 'stake' }),
    { abi: decodeWith, functionName: 'stake', args: [] },
  )
}

describe('describeContractError', () => {
  it('says a weight shortfall in words with the numbers in scientific notation', () => {
    expect(describeContractError('ProverPoolWeightTooLow', [1_200n * 10n ** 18n, 3_400n * 10n ** 18n])).toBe(
      'Your weight 1.2e21 is below the lowest active weight 3.4e21: stake more or ask less reward (short by 2.2e21).',
    )
  })

  it('says when a cooldown ends relative to the chain time', () => {
    expect(describeContractError('ProverPoolCooldownActive', [1_120n, 1_000n])).toBe(
      'You changed this recently: it can change again in 2 min (at 00:18:40 UTC).',
    )
  })

  it('formats TKO amounts', () => {
    expect(describeContractError('ProverPoolStakeTooLow', [499n * 10n ** 18n, 500n * 10n ** 18n])).toBe(
      'Your stake 499 TKO is below the minimum stake 500 TKO (only whole TKO count).',
    )
  })

  it('falls back to the raw error for names it does not know', () => {
    expect(describeContractError('Mystery', [1n])).toBe('The contract refused: Mystery(1).')
  })
})

describe('describeTxError', () => {
  it('decodes a pool custom error from a simulated call', () => {
    const data = encodeErrorResult({
      abi: BlockProtocol.abi,
      errorName: 'ProverPoolRewardPerGasOutOfRange',
      args: [3n, 5n, 20n],
    })
    const result = describeTxError(reverted(BlockProtocol.abi, data))
    expect(result.kind).toBe('reverted')
    expect(result.message).toBe(
      'Reward per gas 0.000000003 gwei is outside the allowed range 0.000000005 gwei – 0.00000002 gwei (F/2 to 2F at the current fee).',
    )
  })

  it('decodes a token error bubbled up through the core (not in the core ABI)', () => {
    const data = encodeErrorResult({
      abi: TaikoToken.abi,
      errorName: 'ERC20InsufficientAllowance',
      args: ['0x0000000000000000000000000000000000000001', 0n, 10n ** 18n],
    })
    const error = reverted(BlockProtocol.abi, data)
    expect(findRevert(error)?.errorName).toBe('ERC20InsufficientAllowance')
    expect(describeTxError(error).message).toContain(
      'The pool may spend only 0 TKO of your TKO, 1 TKO needed',
    )
  })

  it('treats a user rejection (4001) as a calm rejection', () => {
    const error = new BaseError('outer', { cause: new UserRejectedRequestError(new Error('User rejected.')) })
    expect(isUserRejection(error)).toBe(true)
    expect(describeTxError(error)).toEqual({
      kind: 'rejected',
      message: 'Signature rejected: nothing was sent.',
    })
    expect(isUserRejection(Object.assign(new Error('no'), { code: 4001 }))).toBe(true)
  })

  it('recognises an unsupported method (4200)', () => {
    const error = Object.assign(new Error('Method not supported.'), { code: 4200 })
    expect(isUnsupportedMethod(error)).toBe(true)
    expect(describeTxError(error).kind).toBe('unsupported')
  })
})

describe('formatScientific', () => {
  it('keeps small numbers whole and writes large ones with one decimal', () => {
    expect(formatScientific(123_456n)).toBe('123,456')
    expect(formatScientific(5n * 10n ** 21n)).toBe('5.0e21')
  })
})
