import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Where `vite` (dev) forwards API and socket traffic: the server that `npm run dev` starts,
 * on the port it reads from the same `PORT` variable (8080 unless set).
 */
const DEV_SERVER = `http://127.0.0.1:${process.env.PORT ?? '8080'}`;

/**
 * One multi-page build of the three screens and the visitor's tracking page into
 * dist/ui/, which the server serves at /kiosk, /display, /counter and /t/:token with
 * shared chunks under /assets.
 */
export default defineConfig({
  root: fromRoot('.'),
  base: '/',
  publicDir: false,
  plugins: [react()],
  resolve: {
    alias: {
      '@luot/contract': fromRoot('./server/src/contract/index.ts'),
      '@luot/ui-shared': fromRoot('./ui-shared/src'),
    },
  },
  build: {
    outDir: fromRoot('./dist/ui'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        kiosk: fromRoot('./kiosk-ui/index.html'),
        display: fromRoot('./display-ui/index.html'),
        counter: fromRoot('./counter-ui/index.html'),
        admin: fromRoot('./admin-ui/index.html'),
        track: fromRoot('./display-ui/track.html'),
        counterScreen: fromRoot('./display-ui/counter-screen.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': DEV_SERVER,
      '/socket.io': { target: DEV_SERVER, ws: true },
    },
  },
});
