import { defineConfig } from 'vite';

// Nothing special: the SDK is a plain ESM dependency. Port 5173 for `pnpm dev`, strict so it never drifts.
export default defineConfig({
  server: { port: 5173, strictPort: true },
  build: { outDir: 'dist', emptyOutDir: true },
});
