// Where bundlers that resolve the "browser" export condition land for "@visitor-context/genesys/server": that entry
// holds your Genesys OAuth client secret, so it must never reach a page. The import below cannot resolve (its
// specifier is no valid package name), so the build fails with the explanation as the module name; the throw
// covers a bundler told to leave unresolved imports alone.
import 'SERVER-ONLY: @visitor-context/genesys/server holds your Genesys OAuth client secret and cannot be bundled for a browser. Import it in server code; in the page use @visitor-context/genesys/browser.';

throw new Error(
  'SERVER-ONLY: @visitor-context/genesys/server holds your Genesys OAuth client secret and cannot be bundled for a browser. Import it in server code; in the page use @visitor-context/genesys/browser.',
);
