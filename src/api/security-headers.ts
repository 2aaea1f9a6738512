/**
 * Security headers, as @fastify/helmet sets them, computed once at start-up.
 *
 * @fastify/helmet builds helmet's middleware afresh on every request (parsing the CSP each
 * time), which costs more than a small API request itself. The headers do not depend on the
 * request, so they are taken once from a scratch server with the plugin registered and
 * added to every response as they are.
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

async function headersOf(withHelmet: FastifyHelmetOptions | undefined): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  if (withHelmet !== undefined) await probe.register(helmet, withHelmet);
  probe.get('/', () => ({}));
  try {
    const response = await probe.inject({ method: 'GET', url: '/' });
    return Object.fromEntries(Object.entries(response.headers).map(([name, value]) => [name, String(value)]));
  } finally {
    await probe.close();
  }
}

/** The headers helmet adds to a response with these options, and nothing else. */
export async function securityHeaders(
  options: FastifyHelmetOptions,
): Promise<Readonly<Record<string, string>>> {
  const [plain, helmeted] = await Promise.all([headersOf(undefined), headersOf(options)]);
  const added = Object.entries(helmeted).filter(
    ([name, value]) => plain[name] === undefined && name !== 'date' && value !== '',
  );
  if (added.length === 0) throw new Error('@fastify/helmet added no headers');
  return Object.freeze(Object.fromEntries(added));
}
