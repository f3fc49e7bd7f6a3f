import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in the jar under META-INF/resources, which the gateway serves at "/".
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // the chart library is its own chunk, loaded only by the pages that draw charts
    chunkSizeWarningLimit: 450,
  },
  server: {
    // `npm run dev` talks to a running platform's gateway
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    // logic tests run in node; page tests (*.test.tsx) ask for jsdom in their first line
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 30_000,
  },
});
