// Served where Giosg's own script would load: installs the testkit stand-in and shows the agent panel.
import { installGiosgStandIn } from '@visitor-context/testkit/stand-ins';
import { runStandIn } from '../agent-panel.js';

runStandIn(installGiosgStandIn(window));
