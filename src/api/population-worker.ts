/**
 * The population engine's thread in the API server (population-thread.ts): it holds the
 * loaded population and answers sweeps and timelines, so that loading millions of facts or
 * sweeping them never holds up the server's other requests.
 *
 * Each request carries the store's last event seq as the server read it; the engine loads or
 * extends the population up to at least that seq, exactly as it does in-process.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { RepatriaError } from '../domain/errors.js';
import type { Returns } from '../domain/sweep/returned.js';
import { populationService, type PopulationLocation } from './population.js';
import type { PopulationReply, PopulationRequest } from './population-protocol.js';

const location = workerData as PopulationLocation;
let seq = 0;
let returns: Returns = new Map();
// `lastSeq` and `returnsAt` are read synchronously when a call starts, so setting them just
// before each call gives every call its own request's store state, however many are in flight.
const service = populationService(
  location,
  () => Promise.resolve(seq),
  () => Promise.resolve(returns),
);

parentPort?.on('message', (request: PopulationRequest) => {
  seq = request.seq;
  returns = new Map(request.returns.map(([personId, day]) => [personId, { day }]));
  const work: Promise<unknown> =
    request.method === 'sweep' ? service.sweep(...request.args) : service.timeline(...request.args);
  work.then(
    (value) => {
      const reply: PopulationReply = { id: request.id, ok: true, value };
      parentPort?.postMessage(reply);
    },
    (error: unknown) => {
      const reply: PopulationReply = {
        id: request.id,
        ok: false,
        error: {
          message: error instanceof Error ? error.message : String(error),
          code: error instanceof RepatriaError ? error.code : undefined,
        },
      };
      parentPort?.postMessage(reply);
    },
  );
});
