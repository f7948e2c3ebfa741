// Served where Wxcc's own script would load: installs the testkit stand-in and shows the agent panel.
import { installImichatStandIn } from '@visitor-context/testkit/stand-ins';
import { runStandIn } from '../agent-panel.js';

runStandIn(installImichatStandIn(window));
