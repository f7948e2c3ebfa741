/**
 * Adds giosg to the page from JavaScript, as giosg's own tag does: with `VITE_GIOSG_COMPANY_ID` set, giosg's
 * script for that company; without it, the offline stand-in from @visitor-context/testkit (for trying this out
 * and for the tests), with a panel showing what "giosg" received. The stand-in is a separate chunk, loaded only
 * when no company id is set.
 */
export async function addGiosgToPage(companyId: string | undefined): Promise<void> {
  if (companyId !== undefined && companyId !== '') {
    const script = document.createElement('script');
    script.async = true;
    script.src = `https://service.giosg.com/live2/${encodeURIComponent(companyId)}`;
    document.head.append(script);
    return;
  }
  const { installGiosgStandIn } = await import('@visitor-context/testkit/stand-ins');
  const standIn = installGiosgStandIn(window);
  standIn.load();
  const panel = document.getElementById('agent-panel');
  const view = panel?.querySelector('[data-agent-panel]');
  if (panel === null || view === null || view === undefined) return;
  panel.hidden = false;
  setInterval(() => {
    const text = JSON.stringify(standIn.received().data, null, 2);
    if (view.textContent !== text) view.textContent = text;
  }, 100);
}
