import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { streams } from './in-process-streams.js';

/** ESC (title change, OSC 52 clipboard write, screen clear), BEL, C1 CSI and C1 OSC, DEL, CR, a bidi override. */
const hostile = '\u001b]0;owned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007\u001b[2J\u009b31m\u009d0;t\u009c\u007f\r\u202e';
/** Every character a terminal acts on; none may reach it raw. */
const terminalControls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters from payloads never reach the terminal', () => {
  it('escapes them in human diagnostics (stderr), where parse errors quote the input, and keeps the escapes readable', async () => {
    const io = streams({ stdin: `{"a": x${hostile}}` });
    expect(await runCli(['convert', '--from', 'canonical', '--to', 'giosg'], io)).toBe(1);
    expect(io.stderr.text).toMatch(/^error invalid_json at \(root\) \(parse\): /);
    expect(io.stderr.text).toContain('x\\u001b]0;owned');
    expect(io.stderr.text).not.toMatch(terminalControls);
  });

  it('escapes them in validate reports (stdout)', async () => {
    const io = streams({ stdin: JSON.stringify({ attributes: { [`k${hostile}`]: 1 } }) });
    expect(await runCli(['validate'], io)).toBe(1);
    expect(io.stdout.text).not.toMatch(terminalControls);
    expect(io.stdout.text).toContain('\\u001b');
  });

  it('keeps --json valid JSON with the same values, with C1 characters, DEL and bidi overrides escaped', async () => {
    const io = streams({ stdin: JSON.stringify({ attributes: { [`k${hostile}`]: 1 } }) });
    expect(await runCli(['validate', '--json'], io)).toBe(1);
    expect(io.stdout.text).not.toMatch(terminalControls);
    const report = JSON.parse(io.stdout.text) as { diagnostics: { path: string[] }[] };
    expect(report.diagnostics[0]?.path).toEqual(['attributes', `k${hostile}`]);
  });

  it('keeps convert output valid JSON with the same values and no raw control characters', async () => {
    const io = streams({ stdin: JSON.stringify({ visitor: { name: `Ada${hostile}` } }) });
    expect(await runCli(['convert', '--from', 'canonical', '--to', 'canonical', '--compact'], io)).toBe(0);
    expect(io.stdout.text).not.toMatch(terminalControls);
    expect(JSON.parse(io.stdout.text)).toEqual({ visitor: { name: `Ada${hostile}` } });
  });

  it('escapes them in usage errors that repeat what was typed', async () => {
    const io = streams();
    expect(await runCli(['convert', '--from', `x${hostile}`, '--to', 'canonical'], io)).toBe(2);
    expect(io.stderr.text).not.toMatch(terminalControls);
    expect(io.stderr.text).toContain('Unknown vendor "x\\u001b');
  });
});
