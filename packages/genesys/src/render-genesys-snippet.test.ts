import { parseHtml } from '@visitor-context/testkit';
import { describe, expect, it } from 'vitest';
import { VisitorContextError } from '@visitor-context/core';
import { createGenesysSnippetRenderer, defaultGenesysMessengerScriptUrl, renderGenesysSnippet, type GenesysSnippetOptions } from './index.js';

const context = { visitor: { id: '42', email: 'jane@example.com' }, attributes: { plan: '</script><script>alert(1)</script>' } };

describe('renderGenesysSnippet', () => {
  it('renders the Messenger queue stub, config and a command issued on Database.ready, then the bootstrap', () => {
    const result = renderGenesysSnippet(context, { deploymentId: 'dep-1', environment: 'prod-euw1', nonce: 'n0nce' });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value).toMatchInlineSnapshot(
      `"<script nonce="n0nce">(function(g){g._genesysJs="Genesys";g.Genesys=g.Genesys||function(){(g.Genesys.q=g.Genesys.q||[]).push(arguments)};g.Genesys.t=1*new Date();})(window);window.Genesys.c={"environment":"prod-euw1","deploymentId":"dep-1"};window.Genesys("subscribe","Database.ready",function(){window.Genesys("command","Database.set",{"messaging":{"customAttributes":{"customerId":"42","email":"jane@example.com","plan":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}}});});</script><script src="https://apps.mypurecloud.com/genesys-bootstrap/genesys.min.js" nonce="n0nce" async charset="utf-8"></script>"`,
    );
    const scripts = parseHtml(result.value).elements('script');
    expect(scripts).toHaveLength(2);
  });

  it('renders only the command when the page loads Messenger itself', () => {
    const result = renderGenesysSnippet(context, { includeLoader: false, command: 'Database.update' });
    expect(result.ok && result.value).toMatch(/^<script>window\.Genesys\("subscribe","Database\.ready",function\(\)\{window\.Genesys\("command","Database\.update",/);
    expect(result.ok && result.value).not.toContain(defaultGenesysMessengerScriptUrl);
  });

  it('needs a deploymentId to render the Messenger loader', () => {
    const result = renderGenesysSnippet(context);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.path])).toEqual([['invalid_option', ['deploymentId']]]);
  });

  it('renders Web Chat v2 with the context as data, in a frame', () => {
    const result = renderGenesysSnippet(context, {
      channel: 'web-chat',
      webChatConfig: { orgId: 12345, orgName: 'example', queueName: 'Support' },
      webChatRender: 'frame',
      webChatContainerId: 'chat"box',
      scriptUrl: 'https://apps.mypurecloud.ie/webchat/jsapi-v1.js',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.value).toMatchInlineSnapshot(
      `"<script src="https://apps.mypurecloud.ie/webchat/jsapi-v1.js"></script><script>ININ.webchat.create({"orgId":12345,"orgName":"example","queueName":"Support","data":{"customerId":"42","email":"jane@example.com","customField1Label":"plan","customField1":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}},function(error,webchat){if(error){if(window.console)window.console.error(error);return;}webchat.renderFrame({"containerEl":"chat\\"box"});});</script>"`,
    );
  });

  it('refuses webChatConfig.data and a frame without a container', () => {
    expect(renderGenesysSnippet(context, { channel: 'web-chat', webChatConfig: { data: {} } }).diagnostics[0]?.path).toEqual(['webChatConfig', 'data']);
    expect(renderGenesysSnippet(context, { channel: 'web-chat', webChatRender: 'frame' }).diagnostics[0]?.path).toEqual(['webChatContainerId']);
  });

  it('renders a JSON data block for channels without a widget', () => {
    const result = renderGenesysSnippet(context, { channel: 'open-messaging', dataElementId: 'genesys-data', nonce: 'abc' });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const parsed = parseHtml(result.value);
    const [block] = parsed.elements('script');
    expect(block && parsed.attribute(block, 'type')).toBe('application/json');
    expect(block && parsed.attribute(block, 'id')).toBe('genesys-data');
    expect(block && JSON.parse(parsed.text(block))).toMatchObject({ channel: 'open-messaging', body: { action: 'onMessage' } });
  });

  it('fails without throwing on a bad nonce, a javascript: URL or unknown options', () => {
    expect(renderGenesysSnippet(context, { deploymentId: 'd', nonce: '"><script>' }).diagnostics[0]?.code).toBe('invalid_html_input');
    expect(renderGenesysSnippet(context, { deploymentId: 'd', scriptUrl: 'javascript:alert(1)' }).diagnostics[0]?.code).toBe('invalid_html_input');
    expect(renderGenesysSnippet(context, { deploymentID: 'd' } as never).diagnostics[0]?.code).toBe('invalid_option');
    expect(renderGenesysSnippet({ visitor: { email: 'nope' } }, { deploymentId: 'd' }).diagnostics[0]?.code).toBe('invalid_email');
  });

  it('carries translation warnings, and fails under strict', () => {
    const relaxed = renderGenesysSnippet({ attributes: { seats: 3 } }, { deploymentId: 'd' });
    expect(relaxed.ok && relaxed.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['value_coerced']);
    expect(renderGenesysSnippet({ attributes: { seats: 3 } }, { deploymentId: 'd', strict: true }).ok).toBe(false);
  });

  it('checks every script URL with core checkScriptUrl, on every channel that renders a loader', () => {
    for (const scriptUrl of ['javascript:alert(1)', 'data:text/javascript,alert(1)', 'vbscript:x', ' JAVASCRIPT:alert(1)']) {
      for (const options of [{ deploymentId: 'd', scriptUrl }, { channel: 'web-chat' as const, scriptUrl }]) {
        const result = renderGenesysSnippet(context, options);
        expect(result.ok, `${options.channel ?? 'messenger'} ${scriptUrl}`).toBe(false);
        expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['invalid_html_input']);
      }
    }
  });

  it('renders the widgets snippet with no loader, and refuses a scriptUrl for it', () => {
    const snippet = renderGenesysSnippet({ visitor: { firstName: 'Juan' }, page: { url: 'https://bank.example/' } }, { channel: 'widgets', nonce: 'n' });
    if (!snippet.ok) throw new Error(JSON.stringify(snippet.diagnostics));
    expect(snippet.value).not.toContain(' src=');
    expect(snippet.value).toContain('"firstname":"Juan"');
    expect(snippet.value).toContain('"pageUrl":"https://bank.example/"');
    expect(renderGenesysSnippet({}, { channel: 'widgets', scriptUrl: 'https://apps.mypurecloud.com/widgets/9.0/cxbus.min.js' })).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid_option', path: ['scriptUrl'] }],
    });
  });
});

describe('createGenesysSnippetRenderer', () => {
  const hostileContext = { visitor: { id: '</script>', name: '\u2028<!--' }, attributes: { '<b>': '</script><script>alert(1)</script>' } };
  const channelOptions: GenesysSnippetOptions[] = [
    { deploymentId: 'dep-1', environment: 'prod-euw1', nonce: 'n0nce' },
    { includeLoader: false, command: 'Database.update' },
    { channel: 'web-chat', webChatConfig: { orgId: 1, queueName: 'Q' }, webChatRender: 'frame', webChatContainerId: 'chat', nonce: 'n0nce' },
    { channel: 'web-chat' },
    { channel: 'widgets', nonce: 'n0nce' },
    { channel: 'attributes', dataElementId: 'ctx' },
    { channel: 'open-messaging', token: 't' },
  ];

  it('renders exactly what renderGenesysSnippet renders on every channel, with its own nonce or the call\'s', () => {
    for (const options of channelOptions) {
      const renderer = createGenesysSnippetRenderer(options);
      for (const snippetContext of [context, hostileContext, {}]) {
        expect(renderer.render(snippetContext)).toEqual(renderGenesysSnippet(snippetContext, options));
        expect(renderer.render(snippetContext, { nonce: 'b3RoZXI' })).toEqual(renderGenesysSnippet(snippetContext, { ...options, nonce: 'b3RoZXI' }));
      }
    }
  });

  it('reports a missing deploymentId and other render option mistakes when it is made', () => {
    expect(() => createGenesysSnippetRenderer()).toThrow(/deploymentId/);
    expect(() => createGenesysSnippetRenderer({ channel: 'web-chat', webChatConfig: { data: {} } })).toThrow(VisitorContextError);
    expect(() => createGenesysSnippetRenderer({ channel: 'widgets', scriptUrl: 'https://example.com/w.js' })).toThrow(VisitorContextError);
  });
});
