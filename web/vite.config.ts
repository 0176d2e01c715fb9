import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The staff app is served by the product itself under /app/ (src/http/web-app.routes.ts); the
 * development server forwards the API to a running `npm start` so cookies stay same-origin.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows only our own scripts; the polyfill would be inlined.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
