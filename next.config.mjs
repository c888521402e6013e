/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate dist dir lets the e2e build and a developer's build live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // Optional peer modules some wallet SDKs import; not used here and not resolvable offline.
      '@x402/core': './lib/empty-module.cjs',
      '@x402/evm': './lib/empty-module.cjs',
      '@x402/fetch': './lib/empty-module.cjs',
    },
  },
}

export default nextConfig
