import { defineConfig } from '@playwright/test';

// The browser tests run against the suite as ./qbank run or ./qbank test start it: the front door on 8080, Keycloak behind
// it, the services and their demo data. The browser is Debian's Chromium (a browser download does not work here).
export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.QBANK_FRONT_DOOR ?? 'http://127.0.0.1:8080',
    launchOptions: {
      executablePath: process.env.QBANK_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    },
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
