import { applyGiosgContext, removeGiosgVisitorData } from '@visitor-context/giosg/browser';
import { addGiosgToPage } from './giosg-tag.js';
import { signIn } from './sign-in.js';

const login = document.getElementById('login') as HTMLButtonElement;
const logout = document.getElementById('logout') as HTMLButtonElement;
const signedInAs = document.getElementById('signed-in-as')!;
const status = document.getElementById('status')!;

// The page may call giosg before its script has loaded: ./browser waits for it (up to timeoutMs, default 10 s).
void addGiosgToPage(import.meta.env.VITE_GIOSG_COMPANY_ID);

function show(step: string, result: { ok: boolean; diagnostics: readonly unknown[] }): void {
  status.textContent = JSON.stringify({ step, ok: result.ok, diagnostics: result.diagnostics }, null, 2);
  status.dataset['step'] = `${step}:${result.ok ? 'ok' : 'failed'}`;
}

login.addEventListener('click', async () => {
  const profile = await signIn();
  // Plain data, validated and translated in the browser (no zod); replaceExisting drops the previous visitor's keys.
  const result = await applyGiosgContext(
    { visitor: { id: profile.id, name: profile.name, email: profile.email }, attributes: { plan: profile.plan } },
    { replaceExisting: true },
  );
  signedInAs.textContent = profile.name;
  login.disabled = true;
  logout.disabled = false;
  show('login', result);
});

logout.addEventListener('click', async () => {
  // giosg keeps visitor data across page loads: remove it, so the next person at this computer starts clean.
  const result = await removeGiosgVisitorData();
  signedInAs.textContent = 'nobody';
  login.disabled = false;
  logout.disabled = true;
  show('logout', result);
});
