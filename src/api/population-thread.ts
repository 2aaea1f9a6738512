/**
 * The population engine on a thread of its own, behind the same `PopulationService` as the
 * in-process one (population.ts). Loading a store of millions of facts takes seconds and a
 * sweep a fifth of one, all CPU: on the server's own thread that would hold up every other
 * request (a decision, a departure check) for as long. The thread starts on the first
 * population question and is held only while questions are waiting, so it never keeps the
 * process alive; if it fails, the questions waiting get the error and the next one starts a
 * new thread.
 */
import { Worker } from 'node:worker_threads';
import type { Instant } from '../domain/dates.js';
import { RepatriaError } from '../domain/errors.js';
import { workerSource } from '../sweep/worker-source.js';
import type { PopulationLocation, PopulationService, ReturnsAt } from './population.js';
import type { PopulationReply, PopulationRequest } from './population-protocol.js';

type Waiting = { resolve(value: unknown): void; reject(error: unknown): void };

export function populationThread(
  location: PopulationLocation,
  lastSeq: () => Promise<number>,
  returnsAt: ReturnsAt,
): PopulationService & { close(): Promise<void> } {
  let worker: Worker | undefined;
  const waiting = new Map<number, Waiting>();
  let next = 0;

  const failAll = (error: unknown): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };

  const start = (): Worker => {
    const { source, evaluated } = workerSource('population-worker', import.meta.url);
    const w = new Worker(source, { eval: evaluated, workerData: location });
    w.unref();
    w.on('message', (reply: PopulationReply) => {
      const entry = waiting.get(reply.id);
      if (entry === undefined) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) w.unref();
      if (reply.ok) entry.resolve(reply.value);
      else
        entry.reject(
          reply.error.code === undefined ? new Error(reply.error.message) : new RepatriaError(reply.error.code, reply.error.message),
        );
    });
    w.on('error', (error) => {
      if (worker === w) worker = undefined;
      failAll(error);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`the population thread stopped (exit ${code})`));
    });
    return w;
  };

  /** `returnsKnownAt`: when the question counts returned people apart, as known when. */
  const ask = async (
    request: Omit<PopulationRequest, 'id' | 'seq' | 'returns'>,
    returnsKnownAt?: Instant,
  ): Promise<unknown> => {
    const seq = await lastSeq();
    const known = returnsKnownAt === undefined ? [] : await returnsAt(returnsKnownAt);
    const returns = [...known].map(([personId, r]) => [personId, r.day] as const);
    const w = (worker ??= start());
    const id = ++next;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.ref();
      const message: PopulationRequest = { ...request, id, seq, returns } as PopulationRequest;
      w.postMessage(message);
    });
  };

  return {
    sweep: (...args) =>
      ask({ method: 'sweep', args }, args[3] === true ? args[1] : undefined) as ReturnType<PopulationService['sweep']>,
    timeline: (...args) => ask({ method: 'timeline', args }) as ReturnType<PopulationService['timeline']>,
    async close() {
      const w = worker;
      worker = undefined;
      if (w !== undefined) await w.terminate();
    },
  };
}
