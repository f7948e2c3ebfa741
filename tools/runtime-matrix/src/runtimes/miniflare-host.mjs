// Runs inside the Node 22 the matrix installs (miniflare 4 needs Node >= 22): loads the worker bundle into
// workerd through miniflare, without nodejs_compat, and prints the results line.
import { readFileSync } from 'node:fs';
import { Miniflare } from 'miniflare';

const [bundlePath, compatibilityDate] = process.argv.slice(2);
const miniflare = new Miniflare({ modules: true, script: readFileSync(bundlePath, 'utf8'), scriptPath: bundlePath, compatibilityDate });
try {
  const response = await miniflare.dispatchFetch('https://runtime-matrix.test/');
  const text = await response.text();
  if (!response.ok) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 2000)}`);
  console.log(`@@runtime-matrix-results@@${text}`);
} finally {
  await miniflare.dispose();
}
