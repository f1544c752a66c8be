// A gateway that echoes every request back, key included, in every encoding a careless server might
// use: base64 of the whole request in a header and in the error message, the Authorization header
// JSON-escaped with \/ and \u002b, URL-encoded in a Location-like header, and as error.type.
// CI runs the real contract build against it and checks that no form of the key reaches anything
// the run printed or wrote. Usage: node echoing-gateway.mjs PORT_FILE
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';

const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => { body += chunk; });
  request.on('end', () => {
    const authorization = request.headers['authorization'] ?? '';
    const raw = `${request.method} ${request.url} HTTP/1.1\r\n`
      + Object.entries(request.headers).map(([name, value]) => `${name}: ${value}`).join('\r\n') + `\r\n\r\n${body}`;
    const dump = Buffer.from(raw).toString('base64');
    const escaped = authorization.replaceAll('/', '\\/').replaceAll('+', '\\u002b');
    const payload = `{"error":{"message":"You sent ${dump} with ${escaped}","type":"${escaped}"}}`;
    response.writeHead(403, {
      'content-type': 'application/json',
      'x-vercel-id': `echo1::iad1::${Date.now()}`,
      'x-request-dump': dump,
      'x-echo-url': encodeURIComponent(authorization),
    });
    response.end(payload);
  });
});

server.listen(0, '127.0.0.1', () => {
  writeFileSync(process.argv[2], String(server.address().port));
});
