import { describe, expect, it } from 'vitest';
import { installCommand } from './install-command.js';

describe('installCommand', () => {
  it('says npm install -g when the CLI was installed globally by npm, with any prefix', () => {
    expect(installCommand('@visitor-context/genesys', '/usr/local/lib/node_modules/@visitor-context/cli/dist/bin.js', '/usr/local/bin/node')).toBe(
      'npm install -g @visitor-context/genesys',
    );
    expect(installCommand('@visitor-context/genesys', '/home/ada/.npm-global/lib/node_modules/@visitor-context/cli/dist/bin.js', '/usr/bin/node')).toBe(
      'npm install -g @visitor-context/genesys',
    );
  });

  it('says pnpm add -g in pnpm\'s global store', () => {
    expect(installCommand('@visitor-context/wxcc', '/home/ada/.local/share/pnpm/global/5/node_modules/@visitor-context/cli/dist/bin.js', '/usr/bin/node')).toBe(
      'pnpm add -g @visitor-context/wxcc',
    );
  });

  it('says npm install for a project install', () => {
    expect(installCommand('@visitor-context/wxcc', '/srv/app/node_modules/@visitor-context/cli/dist/bin.js', '/usr/bin/node')).toBe('npm install @visitor-context/wxcc');
  });
});
