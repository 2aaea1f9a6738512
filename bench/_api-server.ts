/**
 * The API server for bench/api.ts, started by the composition root exactly as `repatria
 * serve` starts it (logs at info, every hook, every check), in a process of its own. Its
 * logs go to the process's stdout, which the bench discards. Reports its URL over IPC.
 */
import { serverConfig, startServer } from '../src/main/server.js';

const db = process.argv[2];
if (db === undefined) throw new Error('usage: _api-server.ts DB_PATH');
const running = await startServer(serverConfig({ port: '0', db }, { ...process.env, DATABASE_URL: '' }));
process.send?.({ url: running.url });
// The CPU time this process has used, when the bench asks: its cost per request.
process.on('message', () => process.send?.({ cpu: process.cpuUsage() }));
process.on('disconnect', () => void running.close().then(() => process.exit(0)));
