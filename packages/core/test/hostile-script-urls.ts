/**
 * Script URLs an attacker who controls a `scriptUrl` option would try. Each one that a browser would run as
 * script runs `code` (a `data:` URL), so a test can mount whatever the library emits and see nothing ran.
 */
export function hostileScriptUrls(code: string): readonly string[] {
  const data = `data:text/javascript,${encodeURIComponent(code)}`;
  const afterData = data.slice('data'.length);
  return [
    data,
    `d\tata${afterData}`,
    `da\nta${afterData}`,
    `data\r${afterData}`,
    `\u0001${data}`,
    `\u0000${data}`,
    ` \u001f ${data}`,
    `\u007f${data}`,
    `\u0085${data}`,
    `DATA${afterData}`,
    `javascript:${code}`,
    `java\tscript:${code}`,
    `blob:https://cdn.example/0d1f`,
    'vbscript:msgbox(1)',
    'http://cdn.example/loader.js',
    'http://localhost.cdn.example/loader.js',
    '//cdn.example/loader.js',
    '/\\cdn.example/loader.js',
    '\\\\cdn.example/loader.js',
    'https:\\\\cdn.example/loader.js',
    'https:cdn.example/loader.js',
    '/\t/cdn.example/loader.js',
    'https://cdn.example/\nloader.js',
    ' ',
    '',
  ];
}
