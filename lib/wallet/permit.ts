import { type Address, type Hex, parseSignature } from 'viem'

/** EIP-712 types of an ERC-2612 permit. */
export const permitTypes = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

/** The token's `eip712Domain()` answer (ERC-5267): fields, name, version, chainId, verifyingContract, … */
export type Eip712DomainResult = readonly [Hex, string, string, bigint, Address, Hex, readonly bigint[]]

export type PermitTypedDataParameters = {
  domain: Eip712DomainResult
  owner: Address
  spender: Address
  value: bigint
  nonce: bigint
  deadline: bigint
}

/** The typed data a wallet signs to let `spender` pull `value` of the owner's TKO (one transaction). */
export function permitTypedData({
  domain,
  owner,
  spender,
  value,
  nonce,
  deadline,
}: PermitTypedDataParameters) {
  const [, name, version, chainId, verifyingContract] = domain
  return {
    domain: { name, version, chainId: Number(chainId), verifyingContract },
    types: permitTypes,
    primaryType: 'Permit',
    message: { owner, spender, value, nonce, deadline },
  } as const
}

/** A 65-byte signature as the `v, r, s` that `stakeWithPermit` takes. */
export function permitSignatureParts(signature: Hex): { v: number; r: Hex; s: Hex } {
  const { r, s, v, yParity } = parseSignature(signature)
  return { r, s, v: Number(v ?? BigInt((yParity ?? 0) + 27)) }
}

/** Seconds a permit stays valid after the chain time it was signed at. */
export const PERMIT_LIFETIME = 3_600n
