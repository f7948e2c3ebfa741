import comm100ChatStarted from '../samples/comm100-chat-started.json' with { type: 'json' };
import genesysConversation from '../samples/genesys-conversation.json' with { type: 'json' };
import giosgChat from '../samples/giosg-chat.json' with { type: 'json' };
import imsupportingActiveSession from '../samples/imsupporting-active-session.json' with { type: 'json' };
import wxccFlowExtras from '../samples/wxcc-flow-extras.json' with { type: 'json' };

/** Captured vendor payloads (copied from the adapters' fixtures), as the JSON text a vendor would send. */
export const samples = {
  comm100: JSON.stringify(comm100ChatStarted, null, 2),
  genesys: JSON.stringify(genesysConversation, null, 2),
  giosg: JSON.stringify(giosgChat, null, 2),
  imsupporting: JSON.stringify(imsupportingActiveSession, null, 2),
  wxcc: JSON.stringify(wxccFlowExtras, null, 2),
} as const;
