import { afterEach, describe, expect, it } from 'vitest';
import { checkScriptUrl, renderScriptTag } from '../src/index.js';
import { hostileScriptUrls } from './hostile-script-urls.js';

declare global {
  interface Window {
    hostileRuns?: string[];
  }
}

const record = 'window.hostileRuns=(window.hostileRuns||[]).concat(document.currentScript&&document.currentScript.getAttribute("src"))';
const mounted: Element[] = [];

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  delete window.hostileRuns;
});

/** Mounts HTML so that its scripts run, and waits until each has loaded or failed. */
async function mountHtml(html: string): Promise<void> {
  const fragment = document.createRange().createContextualFragment(html);
  const scripts = Array.from(fragment.querySelectorAll('script'));
  const settled = scripts.map((script) => whenSettled(script));
  for (const node of Array.from(fragment.childNodes)) if (node instanceof Element) mounted.push(node);
  document.body.append(fragment);
  await Promise.all(settled);
}

/** Sets a script's `src` through the DOM, as Comm100's standby loader does, and waits for it. */
async function mountScript(src: string): Promise<void> {
  const script = document.createElement('script');
  const settled = whenSettled(script);
  script.src = src;
  mounted.push(script);
  document.body.append(script);
  await settled;
}

function whenSettled(script: HTMLScriptElement): Promise<void> {
  return new Promise((resolve) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => resolve(), { once: true });
    setTimeout(resolve, 2000);
  });
}

function attempt(render: () => string): string | undefined {
  try {
    return render();
  } catch {
    return undefined;
  }
}

describe('hostile script URLs in Chromium', () => {
  const urls = hostileScriptUrls(record);

  it('run when emitted unchecked: the vectors are live, so the checks below prove something', async () => {
    for (const url of [`d\tata:text/javascript,${encodeURIComponent(record)}`, `\u0001data:text/javascript,${encodeURIComponent(record)}`]) {
      await mountScript(url);
    }
    expect(window.hostileRuns).toHaveLength(2);
  });

  it.each(urls)('never runs %j through renderScriptTag', async (url) => {
    const html = attempt(() => renderScriptTag(url, { async: true }));
    if (html !== undefined) await mountHtml(html);
    expect(html).toBeUndefined();
    expect(window.hostileRuns).toBeUndefined();
  });

  it.each(urls)('never runs %j when set as a script src through the DOM after checkScriptUrl', async (url) => {
    const checked = attempt(() => checkScriptUrl(url));
    if (checked !== undefined) await mountScript(checked);
    expect(checked).toBeUndefined();
    expect(window.hostileRuns).toBeUndefined();
  });
});
