// The parts of undici the registry client uses, loaded from their own modules. undici's index
// loads all of it (fetch, WebSocket, cache stores, mocks, proxies: 1.6 MB bundled), which every
// CLI start paid for in tens of milliseconds; a client that only needs an Agent, a connector and
// the request API should not. The request API is attached to Dispatcher as undici's index does.

import api from 'undici/lib/api/index.js';
import connector from 'undici/lib/core/connect.js';
import AgentClass from 'undici/lib/dispatcher/agent.js';
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js';

if (!('request' in DispatcherClass.prototype)) Object.assign(DispatcherClass.prototype, api);

export const Agent = AgentClass;
export const buildConnector = connector;
