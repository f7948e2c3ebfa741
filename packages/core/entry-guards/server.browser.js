// Where bundlers that resolve the "browser" export condition land for "@visitor-context/core/server": that entry
// sends your vendor credentials (tokens, client secrets) to vendor APIs, so it must never reach a page. The import
// below cannot resolve (its specifier is no valid package name), so the build fails with the explanation as the
// module name; the throw covers a bundler told to leave unresolved imports alone.
import 'SERVER-ONLY: @visitor-context/core/server sends vendor credentials and cannot be bundled for a browser. Import it in server code; in the page use @visitor-context/genesys/browser. (or the ./browser entry of your vendor\'s adapter)';

throw new Error(
  "SERVER-ONLY: @visitor-context/core/server sends vendor credentials and cannot be bundled for a browser. Import it in server code; in the page use @visitor-context/genesys/browser. (or the ./browser entry of your vendor's adapter)",
);
