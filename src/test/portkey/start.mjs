// Starts Portkey's gateway (@portkey-ai/gateway, build/start-server.js) on 127.0.0.1 only: node start.mjs [PORT]
// (0 or none: a free port). Prints "portkey listening on http://127.0.0.1:PORT" once it accepts connections.
// Work around: the gateway's own start listens on every interface (serve() with no hostname, and --port= alone
// to choose); the listen below is held to 127.0.0.1. Its outbound fetch is held to 127.0.0.1 too, so a test that
// runs it never reaches the internet (Portkey only forwards to the x-portkey-custom-host it is given).
import net from 'node:net';

const port = Number.parseInt(process.argv[2] ?? '0', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: node start.mjs [PORT]: ${process.argv[2]} is not a port (0 for a free one)`);
  process.exit(2);
}

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  this.once('listening', () => console.log(`portkey listening on http://127.0.0.1:${this.address().port}`));
  return listen.call(this, { port, host: '127.0.0.1' }, callback);
};

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);
const fetchAnywhere = globalThis.fetch;
globalThis.fetch = (resource, options) => {
  const url = new URL(resource instanceof Request ? resource.url : String(resource));
  if (!loopback.has(url.hostname)) {
    return Promise.reject(new TypeError(`start.mjs: ${url.host} is not 127.0.0.1; this Portkey talks to 127.0.0.1 only`));
  }
  return fetchAnywhere(resource, options);
};

// Ends with the process that started it (a test JVM killed before it could stop this one).
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 2000).unref();

console.clear = () => {};
process.argv = [process.argv[0], process.argv[1], `--port=${port}`, '--headless'];
await import('@portkey-ai/gateway/build/start-server.js');
