import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` serves the app on 5173 and sends the APIs and Keycloak's paths to the front door (8080), so the app
// keeps one origin as it has behind the gateway.
const frontDoor = process.env.QBANK_FRONT_DOOR ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, assetsDir: 'assets' },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': frontDoor, '/realms': frontDoor, '/resources': frontDoor },
  },
});
