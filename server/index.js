// The production entry of the app server: adapter-node's own server (build/index.js: its
// environment variables, graceful shutdown and socket activation unchanged) with the security
// headers set on every response before anything answers, so the build's static files carry
// them too (adapter-node serves those before the app's hooks run). A page's or an answer's
// own headers, set later, take precedence.
import { server } from '../build/index.js';
import { DEFAULT_CSP, securityHeaders } from './security-headers.js';

const CSP = 'content-security-policy';
const headers = Object.entries(
	securityHeaders({ isProduction: process.env.NODE_ENV === 'production' })
).filter(([name]) => name !== CSP);

if (!server.server) throw new Error('adapter-node no longer exposes its http.Server');
server.server.prependListener('request', (_request, response) => {
	for (const [name, value] of headers) response.setHeader(name, value);
	// The default policy goes on only when the answer has none of its own, and never on a 304:
	// the browser would put it in place of the cached page's own policy (with its script hash).
	const writeHead = response.writeHead;
	response.writeHead = function (statusCode, ...rest) {
		if (statusCode !== 304 && !response.hasHeader(CSP)) response.setHeader(CSP, DEFAULT_CSP);
		return writeHead.call(this, statusCode, ...rest);
	};
});
