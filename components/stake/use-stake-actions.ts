'use client'

import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef } from 'react'
import type { Address, Hex } from 'viem'
import { useAccount, useConfig } from 'wagmi'
import { signTypedData, writeContract } from 'wagmi/actions'
import { blockProtocolAbi } from '@/contracts-abi/BlockProtocol'
import { taikoTokenAbi } from '@/contracts-abi/TaikoToken'
import { useChain } from '@/lib/chain/context'
import { refreshBlockNumber } from '@/lib/chain/hooks'
import { findRevert, isUnsupportedMethod } from '@/lib/wallet/errors'
import { PERMIT_LIFETIME, permitSignatureParts, permitTypedData } from '@/lib/wallet/permit'
import { resumeTransaction, runTransaction, type TxSteps } from '@/lib/wallet/transactions'
import { clearPendingTx, type FollowUp, loadPendingTx, txStore } from '@/lib/wallet/tx-store'
import { formatReward } from './format'
import { tkoText } from './validation'

type ProtocolWrite =
  | { functionName: 'stake'; args: readonly [bigint, bigint, bigint] }
  | { functionName: 'stakeWithPermit'; args: readonly [bigint, bigint, bigint, bigint, number, Hex, Hex] }
  | { functionName: 'topUp'; args: readonly [bigint] }
  | { functionName: 'changeRewardPerGas'; args: readonly [bigint] }
  | { functionName: 'changeCapacity'; args: readonly [bigint] }
  | { functionName: 'requestExit'; args: readonly [] }
  | { functionName: 'withdraw'; args: readonly [] }
  | { functionName: 'claimRewards'; args: readonly [] }

export type StakeActions = ReturnType<typeof useStakeActions>

/**
 * Every write of the stake page, each run through the transaction lifecycle (lib/wallet/transactions).
 * Each one is simulated first with the app's read client, so a call the contract would refuse shows its
 * custom error in words and nothing reaches the wallet. Stakes and top-ups move TKO with an ERC-2612
 * permit in the same transaction (`stakeWithPermit`), or approve + stake when the wallet cannot sign
 * typed data. After confirmation the pool and the balances are read again.
 *
 * `now` is the chain time of the pool the page shows (for "in 2 min" in error messages).
 */
export function useStakeActions({ now }: { now: bigint }) {
  const config = useConfig()
  const chain = useChain()
  const { address } = useAccount()
  const queryClient = useQueryClient()
  const nowRef = useRef(now)
  nowRef.current = now

  const chainId = chain?.settings.chainId ?? 0
  const refresh = useCallback(() => {
    refreshBlockNumber(chainId)
    void queryClient.invalidateQueries({ queryKey: ['stake', chainId, 'account'] })
  }, [queryClient, chainId])

  // A transaction a previous page left waiting for this account on this chain: follow it to the end
  // (survives reloads; another account does not inherit it). Checked again when the account changes.
  const resumedFor = useRef<string | null>(null)
  useEffect(() => {
    if (!chain || !address) return
    const key = `${chain.settings.chainId}:${address.toLowerCase()}`
    if (resumedFor.current === key) return
    resumedFor.current = key
    const pending = loadPendingTx(chain.settings.chainId, address)
    if (pending && !txStore.isBusy(address)) {
      void resumeTransaction(pending, {
        client: chain.client,
        now: () => nowRef.current,
        onConfirmed: refresh,
      })
    }
  }, [chain, address, refresh])

  const run = useCallback(
    async (label: string, body: (steps: TxSteps, account: Address) => Promise<void>) => {
      if (!chain || !address || txStore.isBusy(address)) return 'failed' as const
      return runTransaction(
        {
          label,
          chainId: chain.settings.chainId,
          account: address,
          client: chain.client,
          now: () => nowRef.current,
          onConfirmed: refresh,
        },
        (steps) => body(steps, address),
      )
    },
    [chain, address, refresh],
  )

  const protocol = chain?.settings.addresses.protocol
  const token = chain?.settings.addresses.token

  /** Simulates a core call; `true` when only the TKO allowance is missing (the pool's own checks pass). */
  const simulate = useCallback(
    async (account: Address, call: ProtocolWrite): Promise<{ needsAllowance: boolean }> => {
      if (!chain || !protocol) throw new Error('No chain configured.')
      try {
        await chain.client.simulateContract({
          address: protocol,
          abi: blockProtocolAbi,
          account,
          ...call,
        } as never)
        return { needsAllowance: false }
      } catch (error) {
        if (findRevert(error)?.errorName === 'ERC20InsufficientAllowance') return { needsAllowance: true }
        throw error
      }
    },
    [chain, protocol],
  )

  const send = useCallback(
    (steps: TxSteps, step: string, account: Address, call: ProtocolWrite) => {
      if (!protocol) throw new Error('No chain configured.')
      return steps.send(step, () =>
        writeContract(config, {
          address: protocol,
          abi: blockProtocolAbi,
          account,
          chainId,
          ...call,
        } as never),
      )
    },
    [config, protocol, chainId],
  )

  /** Signs a TKO permit for `amount`; `null` when the wallet cannot sign typed data (fall back to approve). */
  const signPermit = useCallback(
    async (steps: TxSteps, account: Address, amount: bigint) => {
      if (!chain || !token || !protocol) throw new Error('No chain configured.')
      const [domain, nonce, block] = await Promise.all([
        chain.client.readContract({ address: token, abi: taikoTokenAbi, functionName: 'eip712Domain' }),
        // 'pending': the newest nonce, never a shared answer from an earlier block (the app's RPC route
        // shares reads per block; a permit spent a moment ago must not be signed again).
        chain.client.readContract({
          address: token,
          abi: taikoTokenAbi,
          functionName: 'nonces',
          args: [account],
          blockTag: 'pending',
        }),
        chain.client.getBlock({ blockTag: 'latest' }),
      ])
      const deadline = block.timestamp + PERMIT_LIFETIME
      try {
        const signature = await steps.sign('Sign the TKO permit in your wallet (a signature, no gas)', () =>
          signTypedData(config, {
            account,
            ...permitTypedData({ domain, owner: account, spender: protocol, value: amount, nonce, deadline }),
          }),
        )
        return { deadline, ...permitSignatureParts(signature) }
      } catch (error) {
        if (isUnsupportedMethod(error)) return null
        throw error
      }
    },
    [chain, token, protocol, config],
  )

  const approve = useCallback(
    (steps: TxSteps, account: Address, amount: bigint, followUp: FollowUp) => {
      if (!token || !protocol) throw new Error('No chain configured.')
      return steps.send(
        'Approve the pool to move your TKO (your wallet cannot sign a permit)',
        () =>
          writeContract(config, {
            address: token,
            abi: taikoTokenAbi,
            functionName: 'approve',
            args: [protocol, amount],
            account,
            chainId,
          }),
        { followUp },
      )
    },
    [config, token, protocol, chainId],
  )

  /**
   * Moves `amount` into the pool: `direct` when the allowance suffices; else a permit and
   * `stakeWithPermit(amount, R, C, …)` in one transaction; else approve, then `direct`.
   */
  const deposit = useCallback(
    async (
      steps: TxSteps,
      account: Address,
      {
        amount,
        rewardPerGas,
        capacity,
        direct,
      }: { amount: bigint; rewardPerGas: bigint; capacity: bigint; direct: ProtocolWrite },
    ) => {
      const confirm = 'Confirm the transaction in your wallet'
      const { needsAllowance } = await simulate(account, direct)
      if (!needsAllowance) {
        await send(steps, confirm, account, direct)
        return
      }
      const permit = await signPermit(steps, account, amount)
      if (permit) {
        await send(steps, confirm, account, {
          functionName: 'stakeWithPermit',
          args: [amount, rewardPerGas, capacity, permit.deadline, permit.v, permit.r, permit.s],
        })
        return
      }
      const followUp: FollowUp = {
        kind: direct.functionName === 'topUp' ? 'topUp' : 'stake',
        amount: amount.toString(),
        rewardPerGas: rewardPerGas.toString(),
        capacity: capacity.toString(),
      }
      await approve(steps, account, amount, followUp)
      await send(steps, confirm, account, direct)
    },
    [simulate, send, signPermit, approve],
  )

  const simple = useCallback(
    (label: string, call: ProtocolWrite) =>
      run(label, async (steps, account) => {
        await simulate(account, call)
        await send(steps, 'Confirm the transaction in your wallet', account, call)
      }),
    [run, simulate, send],
  )

  const stake = (amount: bigint, rewardPerGas: bigint, capacity: bigint) =>
    run(`Stake ${tkoText(amount)}`, (steps, account) =>
      deposit(steps, account, {
        amount,
        rewardPerGas,
        capacity,
        direct: { functionName: 'stake', args: [amount, rewardPerGas, capacity] },
      }),
    )
  /** A top-up restates the current R and C (that is what makes `stakeWithPermit` a top-up). */
  const topUp = (amount: bigint, current: { rewardPerGas: bigint; capacity: bigint }) =>
    run(`Top up ${tkoText(amount)}`, (steps, account) =>
      deposit(steps, account, {
        amount,
        rewardPerGas: current.rewardPerGas,
        capacity: current.capacity,
        direct: { functionName: 'topUp', args: [amount] },
      }),
    )

  /** Forgets the approval the page was reloaded after (its deposit will not be sent). */
  const discardPending = () => {
    const tx = txStore.getSnapshot()
    if (chain && address && tx?.hash) clearPendingTx(chain.settings.chainId, address, tx.hash)
    txStore.dismiss()
  }

  return {
    /** Whether an account is connected (the actions need one). */
    ready: chain !== null && address !== undefined,
    stake,
    topUp,
    /** Sends the deposit an approval was for, after a reload between the two steps. */
    continueDeposit: (followUp: FollowUp) => {
      discardPending()
      const amount = BigInt(followUp.amount)
      const rewardPerGas = BigInt(followUp.rewardPerGas)
      const capacity = BigInt(followUp.capacity)
      return followUp.kind === 'topUp'
        ? topUp(amount, { rewardPerGas, capacity })
        : stake(amount, rewardPerGas, capacity)
    },
    discardPending,
    changeRewardPerGas: (rewardPerGas: bigint) =>
      simple(`Update reward per gas to ${formatReward(rewardPerGas)}`, {
        functionName: 'changeRewardPerGas',
        args: [rewardPerGas],
      }),
    changeCapacity: (capacity: bigint) =>
      simple(`Update capacity to ${capacity}`, { functionName: 'changeCapacity', args: [capacity] }),
    requestExit: () => simple('Request exit', { functionName: 'requestExit', args: [] }),
    withdraw: () => simple('Withdraw', { functionName: 'withdraw', args: [] }),
    claimRewards: () => simple('Claim rewards', { functionName: 'claimRewards', args: [] }),
    /** Reads the pool and the account again (after the faucet, say). */
    refresh,
  }
}
