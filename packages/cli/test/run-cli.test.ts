import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { runCommandLine } from '../src/run-cli.js';
import { streams } from './in-process-streams.js';

describe('runCli (in process)', () => {
  it('runs a command with the given streams and resolves with the exit status, without exiting the process', async () => {
    const io = streams({ stdin: '{"visitor":{"name":"Ada"}}' });
    expect(await runCli(['convert', '--from', 'canonical', '--to', 'imsupporting', '--compact'], io)).toBe(0);
    expect(io.stdout.text).toBe('{"ims_username":"Ada"}\n');
    expect(io.stderr.text).toBe('');
  });

  it('resolves relative file names against io.cwd', async () => {
    const io = streams();
    expect(await runCli(['validate', 'context.json'], io)).toBe(0);
    expect(io.stdout.text).toBe('valid canonical visitor context: 0 errors, 0 warnings\n');
  });

  it('reads text chunks from stdin too', async () => {
    const io = { ...streams(), stdin: Readable.from(['{"visitor":', '{"name":"Ada"}}'], { objectMode: true }) };
    expect(await runCli(['validate'], io)).toBe(0);
  });

  it('resolves 2 on a usage error instead of throwing', async () => {
    const io = streams();
    expect(await runCli(['convert', '--from', 'nobody', '--to', 'canonical'], io)).toBe(2);
    expect(io.stderr.text).toContain('Unknown vendor "nobody"');
  });
});

describe('adapter loading (in process, with a stand-in importer)', () => {
  const context = '{"visitor":{"name":"Ada"}}';

  it('reports an installed package without the expected exports as adapter_not_loadable, exit 2', async () => {
    const io = streams({ stdin: context });
    const status = await runCommandLine(['convert', '--from', 'canonical', '--to', 'genesys', '--json'], io, async () => ({ somethingElse: true }));
    expect(status).toBe(2);
    expect(JSON.parse(io.stderr.text).diagnostics[0]).toMatchObject({ code: 'adapter_not_loadable' });
    expect(io.stderr.text).toContain('does not export genesysAdapter and renderGenesysSnippet');
  });

  it('reports a package that fails while loading as adapter_not_loadable, not as missing', async () => {
    const io = streams({ stdin: context });
    const failing = async () => {
      throw Object.assign(new Error("Cannot find package 'zod' imported from /somewhere"), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    expect(await runCommandLine(['convert', '--from', 'canonical', '--to', 'genesys'], io, failing)).toBe(2);
    expect(io.stderr.text).toContain("@visitor-context/genesys is installed but could not be loaded: Cannot find package 'zod'");
  });

  it('turns an adapter that throws (a bug) into adapter_failed, exit 1', async () => {
    const io = streams({ stdin: context });
    const throwing = async () => ({
      genesysAdapter: {
        vendor: 'genesys',
        toVendor: () => {
          throw new Error('boom');
        },
        fromVendor: () => {
          throw new Error('boom');
        },
      },
      renderGenesysSnippet: () => {
        throw new Error('boom');
      },
    });
    expect(await runCommandLine(['convert', '--from', 'canonical', '--to', 'genesys'], io, throwing)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toBe('error adapter_failed at (root) (toVendor): The genesys adapter threw in toVendor: boom. Please report this as a bug.\n');
  });
});
