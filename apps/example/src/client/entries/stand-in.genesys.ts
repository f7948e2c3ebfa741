// Served where Genesys Messenger's bootstrap would load: installs the testkit stand-in and shows the agent panel.
// Messenger keeps custom attributes in its database and sends them with the visitor's next message, so the panel
// shows both, and offers a button to send a message as the visitor.
import { installGenesysStandIn } from '@visitor-context/testkit/stand-ins';
import { runStandIn } from '../agent-panel.js';

const standIn = installGenesysStandIn(window);
runStandIn(standIn, () => ({ messengerDatabase: standIn.database(), agentSees: standIn.received() }));

const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Send a message as the visitor';
button.dataset['sendMessage'] = '';
button.addEventListener('click', () => standIn.sendMessage('Hello, I have a question about my order.'));
document.getElementById('agent-panel')?.append(button);
