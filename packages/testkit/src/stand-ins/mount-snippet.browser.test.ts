/// <reference lib="dom" />
import { afterEach, describe, expect, it } from 'vitest';
import { mountSnippet } from '../stand-ins.js';

declare global {
  interface Window {
    mountedOrder?: string[];
  }
}

afterEach(() => {
  document.body.innerHTML = '';
  delete window.mountedOrder;
});

describe('mountSnippet (in Chromium)', () => {
  it('runs inline scripts and stand-in loaders in document order, keeping attributes', () => {
    const seen: string[] = [];
    const mounted = mountSnippet(
      '<div id="mount" data-x="{&quot;a&quot;:1}"></div>' +
        '<script nonce="abc">(window.mountedOrder ??= []).push("inline")</script>' +
        '<script src="https://vendor.example/widget.js" data-site="7" async></script>',
      {
        scripts: {
          'https://vendor.example/widget.js': (script) => {
            seen.push(`${script.dataset['site']}:${script.hasAttribute('async')}:${script.hasAttribute('src')}`);
            (window.mountedOrder ??= []).push('stand-in');
          },
        },
      },
    );
    expect(mounted.map((element) => element.tagName)).toEqual(['DIV', 'SCRIPT', 'SCRIPT']);
    expect(window.mountedOrder).toEqual(['inline', 'stand-in']);
    expect(seen).toEqual(['7:true:false']);
    expect(JSON.parse((document.getElementById('mount') as HTMLElement).dataset['x']!)).toEqual({ a: 1 });
  });

  it('refuses to load an external script it has no stand-in for', () => {
    expect(() => mountSnippet('<script src="https://cdn.vendor.example/real.js"></script>')).toThrow(/no stand-in/);
  });
});
