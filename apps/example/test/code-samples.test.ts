import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { translationCode } from '../src/pages/code-panel.js';
import { genesysPushCode } from '../src/push/genesys-push-target.js';
import { giosgPushCode } from '../src/push/giosg-push-target.js';
import { createVendorDemos } from '../src/vendors/index.js';

const folder = new URL('../test-results/code-samples/', import.meta.url);
// What the shown code takes as given: the validated context and the request's CSP nonce.
const prelude = `import type { VisitorContext } from '@visitor-context/core';
declare const context: VisitorContext;
declare const nonce: string;
declare const payloadText: string;
declare const conversationId: string;
declare const roomId: string;
declare const visitorId: string;
`;

/** The push panel's code, per vendor. */
const pushCode: Record<string, string> = { genesys: genesysPushCode, giosg: giosgPushCode };

it('the code shown next to each panel type-checks against the packages as published', async () => {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const vendors = createVendorDemos(readConfig({}));
  const files: string[] = [];
  for (const vendor of vendors) {
    const samples = { ...vendor.code, translate: translationCode(vendor.id, vendors[0]!.id) };
    for (const [panel, code] of Object.entries(samples)) {
      const file = `${vendor.id}-${panel}.ts`;
      writeFileSync(new URL(file, folder), `${prelude}${code}\nexport {};\n`);
      files.push(file);
    }
  }
  for (const [vendor, code] of Object.entries(pushCode)) {
    const file = `${vendor}-push.ts`;
    writeFileSync(new URL(file, folder), `${prelude}${code}\nexport {};\n`);
    files.push(file);
  }
  writeFileSync(
    new URL('tsconfig.json', folder),
    JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { rootDir: '.', noUnusedLocals: false }, include: ['*.ts'] }),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const check = await promisify(execFile)(process.execPath, [tsc, '-p', fileURLToPath(new URL('tsconfig.json', folder)), '--noEmit'], {}).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  expect(check).toBe('');
  expect(files).toHaveLength(vendors.length * 4 + Object.keys(pushCode).length);
}, 180_000);
