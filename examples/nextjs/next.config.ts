import type { NextConfig } from 'next';

// Build into dist/ like every other package here, so turbo caches and restores the build.
const config: NextConfig = { distDir: 'dist' };
export default config;
