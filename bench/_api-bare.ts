/**
 * The ceiling for bench/api.ts: a bare Fastify route on loopback, in a process of its own
 * like the API server, answering a small JSON object. Reports its URL over IPC.
 */
import Fastify from 'fastify';

const app = Fastify();
app.get('/bare', () => ({ ok: true }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ url });
// The CPU time this process has used, when the bench asks: its cost per request.
process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
process.on('disconnect', () => void app.close().then(() => process.exit(0)));
