/**
 * The single-page app's login/logout buttons: ask the server for the new visitor's payload (translated, and
 * signed where the vendor needs it, on the server), then hand it to the adapter's `./browser` runtime.
 */
export type ApplyPayload = (payload: unknown) => Promise<{ ok: boolean; diagnostics: readonly unknown[]; value?: unknown }>;

/** Logs out in the vendor's own way where it has one (e.g. giosg's `removeAll`); default: apply the anonymous payload. */
export type Logout = () => Promise<{ ok: boolean; diagnostics: readonly unknown[]; value?: unknown }>;

/** What the server put in the page for this vendor's browser code (`data-settings` on `#spa`). */
export function readBrowserSettings(): Record<string, unknown> {
  return JSON.parse(document.getElementById('spa')?.dataset['settings'] ?? '{}') as Record<string, unknown>;
}

export function wireSpaControls(apply: ApplyPayload, logout?: Logout): void {
  const root = document.getElementById('spa');
  const status = document.getElementById('spa-status');
  const signedInAs = document.getElementById('signed-in-as');
  if (root === null || status === null || signedInAs === null) return;
  const vendor = root.dataset['vendor'] ?? '';
  const update = async (visitor: string | undefined): Promise<void> => {
    const query = new URLSearchParams({ vendor });
    if (visitor !== undefined) query.set('visitor', visitor);
    const response = await fetch(`/api/session?${query.toString()}`);
    const session = (await response.json()) as { ok: boolean; value?: unknown; diagnostics?: unknown[]; signedInAs?: string | null };
    if (!session.ok) {
      status.textContent = JSON.stringify({ step: 'session', ...session }, null, 2);
      return;
    }
    const applied = visitor === undefined && logout !== undefined ? await logout() : await apply(session.value);
    signedInAs.textContent = session.signedInAs ?? 'nobody';
    status.textContent = JSON.stringify({ step: 'applied', ok: applied.ok, value: applied.value, diagnostics: applied.diagnostics }, null, 2);
    status.dataset['state'] = applied.ok ? 'applied' : 'failed';
    status.dataset['visitor'] = session.signedInAs ?? 'nobody';
  };
  root.addEventListener('click', (event) => {
    const target = event.target instanceof HTMLElement ? event.target : undefined;
    if (target?.dataset['login'] !== undefined) void update(target.dataset['login']);
    else if (target?.hasAttribute('data-logout')) void update(undefined);
  });
  root.dataset['ready'] = 'true';
}
