/**
 * Compiles contracts/ with solc-js (the `solc` package in node_modules) and writes the typed ABIs to
 * contracts-abi/<Name>.ts plus contracts-abi/index.ts.
 *
 *   npx tsx scripts/compile.ts          write contracts-abi/
 *   npx tsx scripts/compile.ts --check  compile in memory; exit 1 if contracts-abi/ is stale
 *
 * Settings: optimizer on (200 runs), evmVersion cancun, no metadata hash in the bytecode (output depends
 * only on the code, not on comments or paths). Fails if a deployable contract exceeds EIP-170.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const contractsDir = path.join(root, 'contracts')
const outDir = path.join(root, 'contracts-abi')

/** Contracts written to contracts-abi/, by source file. */
export const artifacts = [
  { name: 'TaikoToken', source: 'contracts/TaikoToken.sol', deployable: true },
  { name: 'BlockProtocol', source: 'contracts/BlockProtocol.sol', deployable: true },
  { name: 'ProverPoolLens', source: 'contracts/ProverPoolLens.sol', deployable: true },
  {
    name: 'DevelopmentProofVerifier',
    source: 'contracts/verifier/DevelopmentProofVerifier.sol',
    deployable: true,
  },
  { name: 'PoolMathHarness', source: 'contracts/test/PoolMathHarness.sol', deployable: false },
  { name: 'StakerSwarm', source: 'contracts/test/StakerSwarm.sol', deployable: false },
] as const

/** EIP-170: largest deployed code size. */
const MAX_CODE_SIZE = 24_576

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[]
  contracts?: Record<
    string,
    Record<
      string,
      { abi: unknown[]; evm: { bytecode: { object: string }; deployedBytecode: { object: string } } }
    >
  >
}

type Solc = { compile: (input: string, callbacks?: unknown) => string; version: () => string }

function listSolidity(dir: string): string[] {
  const files: string[] = []
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) files.push(...listSolidity(full))
    else if (entry.endsWith('.sol')) files.push(full)
  }
  return files
}

function findImport(importPath: string): { contents: string } | { error: string } {
  const candidates = importPath.startsWith('@')
    ? [path.join(root, 'node_modules', importPath)]
    : [path.join(root, importPath)]
  for (const file of candidates) {
    if (existsSync(file)) return { contents: readFileSync(file, 'utf8') }
  }
  return { error: `File not found: ${importPath}` }
}

export type CompiledArtifact = {
  name: string
  abi: unknown[]
  bytecode: string
  deployedSize: number
  deployable: boolean
}

/** Compiles every .sol under contracts/ and returns the artifacts listed in `artifacts`. */
export function compileContracts(): CompiledArtifact[] {
  const solc = require('solc') as Solc
  const sources: Record<string, { content: string }> = {}
  for (const file of listSolidity(contractsDir)) {
    sources[path.relative(root, file).split(path.sep).join('/')] = { content: readFileSync(file, 'utf8') }
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      viaIR: true,
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none' },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  // OpenZeppelin's ReentrancyGuardTransient makes solc warn about transient storage in general; the guard
  // clears its slot at the end of every call, which is the use the warning itself calls safe.
  const isTransientGuardWarning = (e: { formattedMessage: string }) =>
    e.formattedMessage.includes('Transient storage as defined by EIP-1153') &&
    e.formattedMessage.includes('@openzeppelin/contracts/utils/TransientSlot.sol')
  for (const warning of (output.errors ?? []).filter(
    (e) => e.severity === 'warning' && !isTransientGuardWarning(e),
  )) {
    console.warn(warning.formattedMessage)
  }
  if (errors.length > 0) {
    for (const error of errors) console.error(error.formattedMessage)
    throw new Error(`solc ${solc.version()}: ${errors.length} compilation error(s)`)
  }
  return artifacts.map(({ name, source, deployable }) => {
    const contract = output.contracts?.[source]?.[name]
    if (!contract) throw new Error(`${name} not found in ${source}`)
    return {
      name,
      abi: contract.abi,
      bytecode: `0x${contract.evm.bytecode.object}`,
      deployedSize: contract.evm.deployedBytecode.object.length / 2,
      deployable,
    }
  })
}

/** `BlockProtocol` → `blockProtocolAbi`. */
function abiName(contractName: string): string {
  return `${contractName[0]!.toLowerCase()}${contractName.slice(1)}Abi`
}

function renderArtifact(artifact: CompiledArtifact): string {
  return [
    '// Generated by scripts/compile.ts. Do not edit: run `npm run compile`.',
    '',
    '// The ABI on its own: code that only reads (the browser) imports this and never ships the bytecode.',
    `export const ${abiName(artifact.name)} = ${JSON.stringify(artifact.abi, null, 2)} as const`,
    '',
    `export const ${artifact.name} = {`,
    `  abi: ${abiName(artifact.name)},`,
    `  bytecode: '${artifact.bytecode}',`,
    '} as const',
    '',
  ].join('\n')
}

function renderIndex(names: string[]): string {
  return [
    '// Generated by scripts/compile.ts. Do not edit: run `npm run compile`.',
    ...[...names].sort().map((name) => `export { ${abiName(name)}, ${name} } from './${name}'`),
    '',
  ].join('\n')
}

function main(): void {
  const check = process.argv.includes('--check')
  const compiled = compileContracts()

  const files = new Map<string, string>()
  for (const artifact of compiled) files.set(`${artifact.name}.ts`, renderArtifact(artifact))
  files.set('index.ts', renderIndex(compiled.map((a) => a.name)))

  let oversized = false
  console.log('deployed bytecode size (EIP-170 limit 24,576 bytes):')
  for (const artifact of compiled) {
    const over = artifact.deployedSize > MAX_CODE_SIZE
    if (over && artifact.deployable) oversized = true
    const note = artifact.deployable ? (over ? '  OVER LIMIT' : '') : '  (test only)'
    console.log(
      `  ${artifact.name.padEnd(26)} ${artifact.deployedSize.toLocaleString('en-US').padStart(7)}${note}`,
    )
  }
  if (oversized) {
    console.error('a deployable contract exceeds the EIP-170 limit of 24,576 bytes')
    process.exit(1)
  }

  if (check) {
    const stale = [...files].filter(([file, content]) => {
      const target = path.join(outDir, file)
      return !existsSync(target) || readFileSync(target, 'utf8') !== content
    })
    if (stale.length > 0) {
      console.error(`contracts-abi is stale: run npm run compile (${stale.map(([f]) => f).join(', ')})`)
      process.exit(1)
    }
    console.log('contracts-abi is up to date')
    return
  }

  mkdirSync(outDir, { recursive: true })
  for (const [file, content] of files) writeFileSync(path.join(outDir, file), content)
  console.log(`wrote ${files.size} files to contracts-abi/`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
