// The loopback endpoint of bench:live-sdk, in its own process as a real endpoint would be: a keep-alive
// HTTP server in front of moto_server (MOTO_URL) that records moto's answer to each request once and
// replays it afterwards, adding the latency the parent sets (a message { delay }) to every answer.
// Prints its port on stdout when it listens.
import { createServer, request } from 'node:http';

const motoUrl = process.env.MOTO_URL;
let delay = 0;
process.on('message', (message) => {
  delay = message.delay;
  process.send({ delay });
});

// The two ECR calls moto does not implement (its answer is an HTML 500 from NotImplementedError, which
// pullcheck rightly retries with backoff: the bench measured up to 2.8 s of jittered sleeps, not reads).
// They get the answer AWS gives a registry with no pull-through cache rules, in ECR's JSON protocol.
const json = (payload) => ({
  status: 200,
  headers: { 'content-type': 'application/x-amz-json-1.1' },
  payload: Buffer.from(JSON.stringify(payload)),
});
const notInMoto = new Map([
  [
    'AmazonEC2ContainerRegistry_V20150921.GetAccountSetting',
    json({ name: 'REGISTRY_POLICY_SCOPE', value: 'V2' }),
  ],
  ['AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules', json({ pullThroughCacheRules: [] })],
]);

const recorded = new Map();
const server = createServer({ keepAlive: true }, (incoming, response) => {
  const chunks = [];
  incoming.on('data', (chunk) => chunks.push(chunk));
  incoming.on('end', () => {
    const body = Buffer.concat(chunks);
    const target = incoming.headers['x-amz-target'] ?? '';
    const key = `${incoming.method} ${incoming.url} ${target} ${body}`;
    const answer = ({ status, headers, payload }) =>
      setTimeout(() => {
        response.writeHead(status, headers);
        response.end(payload);
      }, delay);
    const known = recorded.get(key) ?? notInMoto.get(target);
    if (known) return answer(known);
    const upstream = request(
      new URL(incoming.url ?? '/', motoUrl),
      { method: incoming.method, headers: incoming.headers },
      (reply) => {
        const parts = [];
        reply.on('data', (part) => parts.push(part));
        reply.on('end', () => {
          const headers = { ...reply.headers };
          delete headers.connection;
          delete headers['transfer-encoding'];
          const entry = { status: reply.statusCode ?? 502, headers, payload: Buffer.concat(parts) };
          recorded.set(key, entry);
          answer(entry);
        });
      },
    );
    upstream.end(body);
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
