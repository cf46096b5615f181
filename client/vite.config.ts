import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `npm run dev -w client` the API runs separately; in production Express serves dist/ itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
