// Served where Comm100's loader would load: installs the testkit stand-in and shows the agent panel. The
// stand-in's Control Panel defines the same custom variables the server passes to the adapter; any other
// name would be silently dropped, as Comm100 does.
import { installComm100StandIn } from '@visitor-context/testkit/stand-ins';
import { runStandIn } from '../agent-panel.js';

runStandIn(installComm100StandIn(window, { customVariables: ['plan', 'seats', 'vip', 'lastOrder'] }));
