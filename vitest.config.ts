import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    // Only our unit/contract/differential tests: Playwright specs live in e2e/ and are not vitest's.
    include: ['test/**/*.test.ts', 'lib/**/*.test.ts', 'indexer/test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
