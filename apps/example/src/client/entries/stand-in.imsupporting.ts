// Served where Imsupporting's own script would load: installs the testkit stand-in and shows the agent panel.
import { installImsupportingStandIn } from '@visitor-context/testkit/stand-ins';
import { runStandIn } from '../agent-panel.js';

runStandIn(installImsupportingStandIn(window));
