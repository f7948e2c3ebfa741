import type { Result } from '@visitor-context/core';
import { callGiosgApi, type GiosgApplied, type GiosgBrowserOptions } from './apply-giosg-payload.js';
import { closeChatOnLogout } from './giosg-keys.js';

/**
 * Options of {@link removeGiosgVisitorData}: the browser runtime's, and whether to close the chat too.
 * @public
 */
export interface GiosgRemoveOptions extends GiosgBrowserOptions {
  /**
   * Also close the visitor's chats, hide the chat window and clear the conversation shown
   * (`_giosg('chat', 'close', { hide: true, clearHistory: true })`), for logouts on shared computers: removing
   * the data alone leaves the conversation on screen. Default false.
   */
  readonly closeChat?: boolean;
}

/**
 * Removes visitor data from giosg, e.g. on logout: the given keys (`remove`), or everything (`removeAll`); with
 * `closeChat: true`, then closes and clears the visible chat. Never throws and never rejects.
 * @public
 */
export function removeGiosgVisitorData(keys?: readonly string[], options: GiosgRemoveOptions = {}): Promise<Result<GiosgApplied>> {
  return callGiosgApi(
    () => {
      const closeChat = options.closeChat === true;
      if (keys !== undefined && !(Array.isArray(keys) && keys.every((key) => typeof key === 'string'))) {
        throw new Error('keys must be a list of strings (or left out to remove everything)');
      }
      const list = keys === undefined ? undefined : [...keys];
      return async (api) => {
        if (list === undefined) await api.visitor.removeAll();
        else for (const key of list) await api.visitor.remove(key);
        if (!closeChat) return;
        if (api.chat === undefined) throw new Error('giosg.api.chat is missing');
        await api.chat.close({ ...closeChatOnLogout });
      };
    },
    'remove the visitor data',
    options,
  );
}
