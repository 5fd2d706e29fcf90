import { defineConfig } from 'vitest/config';

// Component and logic tests (src/**/*.test.ts): a DOM from happy-dom; the browser tests (tests/) are Playwright's.
export default defineConfig({
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
