import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `npm run dev -w client` the API runs separately; in production Express serves dist/ itself.
// The key ends in a slash on purpose: a bare '/api' prefix would also proxy the /api-keys page.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api/': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
