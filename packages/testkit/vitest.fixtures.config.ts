import { defineConfig } from 'vitest/config';

/** Runs the conformance suite on the fixture adapters; driven by test/conformance-bites.test.ts. */
export default defineConfig({ test: { include: ['test/fixtures/*.conformance.ts'] } });
