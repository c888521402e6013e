// Optional peer modules some wallet SDKs import (x402 payments); unused here and not resolvable
// offline, so each resolves to an empty module.
const optionalWalletModules = [
  '@x402/core',
  '@x402/core/client',
  '@x402/core/schemas',
  '@x402/core/server',
  '@x402/evm',
  '@x402/evm/exact/client',
  '@x402/evm/exact/server',
  '@x402/evm/upto/client',
  '@x402/evm/upto/server',
  '@x402/express',
  '@x402/extensions/bazaar',
  '@x402/fetch',
  '@x402/svm/exact/client',
  '@x402/svm/exact/server',
  '@x402/svm/upto/client',
  '@x402/svm/upto/server',
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate dist dir lets the e2e build and a developer's build live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm start` only wants to run the app: it sets PROVER_POOL_SKIP_BUILD_TYPECHECK=1 and saves the
  // build's own type check (~30 s on 2 cores). `npm test` builds without it, after `tsc --noEmit`.
  typescript: { ignoreBuildErrors: process.env.PROVER_POOL_SKIP_BUILD_TYPECHECK === '1' },
  turbopack: {
    resolveAlias: Object.fromEntries(optionalWalletModules.map((name) => [name, './lib/empty-module.cjs'])),
  },
}

export default nextConfig
