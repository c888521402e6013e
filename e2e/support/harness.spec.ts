/**
 * Self-tests of the harness (no app needed: `E2E_HARNESS_ONLY=1 npx playwright test`): the chain
 * fixtures, the protocol helpers and the test wallet on a blank page served by the test.
 */
import {
  encodeFunctionData,
  type Hex,
  keccak256,
  parseEther,
  parseSignature,
  recoverMessageAddress,
} from 'viem'
import { BlockProtocol } from '@/contracts-abi/BlockProtocol'
import { TaikoToken } from '@/contracts-abi/TaikoToken'
import { permitTypes } from '@/lib/wallet/permit'
import { expect, test } from './fixtures'
import { testWalletInfo, walletErrorCodes } from './test-wallet'

const BLANK = 'http://wallet.test/'

type Eip1193 = {
  request(args: { method: string; params?: unknown }): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): void
}

test.beforeEach(async ({ page }) => {
  await page.route(BLANK, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>blank</title><main>blank</main>',
    }),
  )
})

/** Runs one EIP-1193 request in the page; a rejection comes back as `{ code, message, data }`. */
async function request(page: import('@playwright/test').Page, method: string, params: unknown[] = []) {
  return page.evaluate(
    async ({ method, params }) => {
      const ethereum = (window as unknown as { ethereum: Eip1193 }).ethereum
      try {
        return { result: await ethereum.request({ method, params }) }
      } catch (error) {
        const { code, message, data } = error as { code: number; message: string; data?: unknown }
        return { error: { code, message, data } }
      }
    },
    { method, params },
  )
}

test.describe('chain fixtures', () => {
  test.describe.configure({ mode: 'serial' })
  let blockAfterFirstTest = 0n

  test('increaseTime moves chain time by exactly the given seconds', async ({ chain }) => {
    const before = await chain.timestamp()
    await chain.increaseTime(3_600)
    expect(await chain.timestamp()).toBe(before + 3_600n)
    await chain.mine(3)
    blockAfterFirstTest = await chain.blockNumber()
  })

  test('each test starts from the same chain state (evm_snapshot / evm_revert)', async ({ chain }) => {
    expect(await chain.blockNumber()).toBe(blockAfterFirstTest - 4n)
  })
})

test.describe('protocol helpers', () => {
  test('the lens reports the demo population: a full active list', async ({ protocol, deployment }) => {
    const pool = await protocol.getPool()
    expect(pool.activeProvers).toBe(deployment.config.maxActiveProvers)
    // The lens is bounded: the active provers only; everyone ever seen is counted (and paged by getStakers).
    expect(pool.provers.length).toBe(Number(pool.activeProvers))
    expect(pool.stakerCount).toBeGreaterThan(pool.activeProvers)
  })

  test('a block proposed from the test can be proven by its assigned prover', async ({ protocol }) => {
    const block = await protocol.proposeBlock({ gasUsed: 2_000_000n })
    expect(block.assignedProver).not.toBeNull()
    expect(block.gasUsed).toBe(2_000_000n)
    const { events } = await protocol.proveBlock(block.blockId)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ blockId: block.blockId, prover: block.assignedProver, late: false })
  })
})

test.describe('test wallet', () => {
  test('announces itself through EIP-6963 and as window.ethereum', async ({ page, wallet }) => {
    await page.goto(BLANK)
    const info = await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.addEventListener(
            'eip6963:announceProvider',
            (event) => resolve((event as CustomEvent).detail.info),
            {
              once: true,
            },
          )
          window.dispatchEvent(new Event('eip6963:requestProvider'))
        }),
    )
    expect(info).toEqual({ ...testWalletInfo, uuid: wallet.info.uuid })
    expect(await page.evaluate(() => 'ethereum' in window)).toBe(true)
  })

  test('connects on eth_requestAccounts and forwards reads to anvil', async ({ page, wallet, chain }) => {
    await page.goto(BLANK)
    expect(await request(page, 'eth_accounts')).toEqual({ result: [] })
    expect(await request(page, 'eth_requestAccounts')).toEqual({ result: [wallet.address] })
    expect(await request(page, 'eth_accounts')).toEqual({ result: [wallet.address] })
    expect(await request(page, 'eth_chainId')).toEqual({ result: '0x7a69' })
    const { result } = await request(page, 'eth_blockNumber')
    expect(BigInt(result as Hex)).toBe(await chain.blockNumber())
  })

  test.describe('on the wrong network', () => {
    test.use({ walletOptions: { startChainId: 1 } })

    test('switches to anvil on request and emits chainChanged', async ({ page, wallet }) => {
      await page.goto(BLANK)
      await page.evaluate(() => {
        const w = window as unknown as { ethereum: Eip1193; chainEvents: unknown[] }
        w.chainEvents = []
        w.ethereum.on('chainChanged', (chainId) => w.chainEvents.push(chainId))
      })
      expect(await request(page, 'eth_chainId')).toEqual({ result: '0x1' })
      wallet.rejectNext('wallet_switchEthereumChain')
      expect((await request(page, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])).error?.code).toBe(
        walletErrorCodes.userRejected,
      )
      expect((await request(page, 'wallet_switchEthereumChain', [{ chainId: '0x4d2' }])).error?.code).toBe(
        walletErrorCodes.unrecognizedChain,
      )
      expect(await request(page, 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }])).toEqual({
        result: null,
      })
      expect(wallet.chainId).toBe(31337)
      expect(
        await page.evaluate(() => (window as unknown as { chainEvents: unknown[] }).chainEvents),
      ).toEqual(['0x7a69'])
    })

    test('will not send a transaction before switching', async ({ page, wallet }) => {
      await page.goto(BLANK)
      await request(page, 'eth_requestAccounts')
      const sent = await request(page, 'eth_sendTransaction', [{ from: wallet.address, to: wallet.address }])
      expect(sent.error?.code).toBe(walletErrorCodes.chainDisconnected)
    })
  })

  test('signs and sends transactions with the key held by the test', async ({ page, wallet, chain }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    const to = '0x000000000000000000000000000000000000dEaD'
    const before = await chain.publicClient.getBalance({ address: to })
    const { result: hash } = await request(page, 'eth_sendTransaction', [
      { from: wallet.address, to, value: `0x${parseEther('1.5').toString(16)}` },
    ])
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: hash as Hex })
    expect(receipt.status).toBe('success')
    expect(receipt.from).toBe(wallet.address.toLowerCase())
    expect(await chain.publicClient.getBalance({ address: to })).toBe(before + parseEther('1.5'))
  })

  test('passes a contract revert through with its error data', async ({ page, wallet, deployment }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    // gasUsed 0 is rejected by proposeBlock with BlockProtocolGasUsedOutOfRange.
    const data = encodeFunctionData({
      abi: BlockProtocol.abi,
      functionName: 'proposeBlock',
      args: [0, keccak256('0x01')],
    })
    const sent = await request(page, 'eth_sendTransaction', [
      { from: wallet.address, to: deployment.addresses.protocol, data },
    ])
    expect(sent.error?.code).toBe(3)
    expect(String(sent.error?.data)).toMatch(/^0x[0-9a-f]{8}/)
  })

  test('simulates the user rejecting a transaction or a signature (4001)', async ({ page, wallet }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    wallet.rejectNext('eth_sendTransaction')
    wallet.rejectNext('eth_signTypedData_v4')
    const sent = await request(page, 'eth_sendTransaction', [{ from: wallet.address, to: wallet.address }])
    expect(sent.error).toMatchObject({ code: walletErrorCodes.userRejected })
    const signed = await request(page, 'eth_signTypedData_v4', [wallet.address, '{}'])
    expect(signed.error).toMatchObject({ code: walletErrorCodes.userRejected })
    // Only the next one: the following request goes through.
    const again = await request(page, 'eth_sendTransaction', [{ from: wallet.address, to: wallet.address }])
    expect(again.result).toMatch(/^0x[0-9a-f]{64}$/)
  })

  test('simulates the user declining to connect, whichever connect method the site uses', async ({
    page,
    wallet,
  }) => {
    await page.goto(BLANK)
    wallet.rejectNext('eth_requestAccounts')
    const declined = await request(page, 'wallet_requestPermissions', [{ eth_accounts: {} }])
    expect(declined.error).toMatchObject({ code: walletErrorCodes.userRejected })
    expect(wallet.authorized).toBe(false)
    expect(await request(page, 'eth_requestAccounts')).toEqual({ result: [wallet.address] })
    expect(wallet.requestsOf('eth_requestAccounts')).toHaveLength(1)
  })

  test('personal_sign signs with the wallet account', async ({ page, wallet }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    const { result } = await request(page, 'personal_sign', ['0x68656c6c6f', wallet.address])
    expect(await recoverMessageAddress({ message: 'hello', signature: result as Hex })).toBe(wallet.address)
  })

  test('signs an ERC-2612 permit (eth_signTypedData_v4) the token accepts', async ({
    page,
    wallet,
    chain,
    deployment,
    protocol,
  }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    const token = { address: deployment.addresses.token, abi: TaikoToken.abi } as const
    const [[, name, version, chainId, verifyingContract], nonce] = await Promise.all([
      chain.publicClient.readContract({ ...token, functionName: 'eip712Domain' }),
      chain.publicClient.readContract({ ...token, functionName: 'nonces', args: [wallet.address] }),
    ])
    const value = 1_234n * 10n ** 18n
    const deadline = (await chain.timestamp()) + 3_600n
    // The JSON viem's wallet client sends for signTypedData (numbers as decimal strings).
    const typedData = JSON.stringify({
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        ...permitTypes,
      },
      primaryType: 'Permit',
      domain: { name, version, chainId: chainId.toString(), verifyingContract },
      message: {
        owner: wallet.address,
        spender: deployment.addresses.protocol,
        value: value.toString(),
        nonce: nonce.toString(),
        deadline: deadline.toString(),
      },
    })
    const { result } = await request(page, 'eth_signTypedData_v4', [wallet.address, typedData])
    const { v, r, s, yParity } = parseSignature(result as Hex)
    // Anyone may submit the permit; the deployer does.
    const submitter = chain.walletClient(protocol.deployer.privateKey)
    const hash = await submitter.writeContract({
      ...token,
      functionName: 'permit',
      args: [
        wallet.address,
        deployment.addresses.protocol,
        value,
        deadline,
        Number(v ?? BigInt(yParity + 27)),
        r,
        s,
      ],
    })
    await chain.publicClient.waitForTransactionReceipt({ hash })
    expect(
      await chain.publicClient.readContract({
        ...token,
        functionName: 'allowance',
        args: [wallet.address, deployment.addresses.protocol],
      }),
    ).toBe(value)
  })

  test('emits accountsChanged when the user switches account or disconnects', async ({
    page,
    wallet,
    protocol,
  }) => {
    await page.goto(BLANK)
    await request(page, 'eth_requestAccounts')
    await page.evaluate(() => {
      const w = window as unknown as { ethereum: Eip1193; accountEvents: unknown[] }
      w.accountEvents = []
      w.ethereum.on('accountsChanged', (accounts) => w.accountEvents.push(accounts))
    })
    const other = protocol.devAccountOf(protocol.racer.address)
    if (!other) throw new Error('racer is a dev account')
    await wallet.switchAccount(other.privateKey)
    await wallet.disconnect()
    expect(
      await page.evaluate(() => (window as unknown as { accountEvents: unknown[] }).accountEvents),
    ).toEqual([[other.address], []])
    expect(await request(page, 'eth_accounts')).toEqual({ result: [] })
  })
})
