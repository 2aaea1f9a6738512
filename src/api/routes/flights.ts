/** Flights that manifests are drawn for: registered by planners, read by every role that reads manifests. */
import { z } from 'zod';
import { NetworkInputError } from '../../application/network.js';
import { parseDay } from '../../domain/dates.js';
import { rolesFor } from '../../domain/roles.js';
import { ApiProblem } from '../problem.js';
import { actingOf, admits, userRoute } from '../route.js';
import { FlightSchema, flightJson, NewFlightSchema } from '../schemas/operations.js';
import { apiSchema } from '../schemas/registry.js';
import { countryCode, dateText, pageLimit } from '../schemas/scalars.js';

const pathId = z.string().min(1).max(1000);

/** The schema has checked the text; this only converts it. */
const dayOrUndefined = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : parseDay(text);

export const listFlights = userRoute({
  operationId: 'listFlights',
  method: 'GET',
  url: '/flights',
  tag: 'flights',
  summary: 'Flights in id order, a page at a time, by departure date and destination',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  schemas: {
    query: z.strictObject({
      from: dateText.optional().describe('Departing on or after this date'),
      to: dateText.optional().describe('Departing on or before this date'),
      destination: z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be a three-letter airport code')
        .optional()
        .describe('Destination airport'),
      destinationCountry: countryCode.optional(),
      after: pathId.optional().describe('The last id of the previous page'),
      limit: pageLimit(500, 100),
    }),
    response: apiSchema(
      'FlightPage',
      z.object({
        flights: z.array(FlightSchema),
        next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
      }),
    ),
  },
  async handler({ query }, ctx) {
    const from = dayOrUndefined(query.from);
    const through = dayOrUndefined(query.to);
    if (from !== undefined && through !== undefined && through < from)
      throw new ApiProblem('invalid-request', 'The date range ends before it starts', [
        { in: 'query', field: 'to', reason: 'is before from' },
      ]);
    const flights = await ctx.services.operations.listFlights(actingOf(ctx), {
      from,
      through,
      destination: query.destination,
      destinationCountry: query.destinationCountry,
      afterId: query.after,
      limit: query.limit,
    });
    return {
      flights: flights.map(flightJson),
      next: flights.length === query.limit ? (flights.at(-1)?.id ?? null) : null,
    };
  },
});

export const getFlight = userRoute({
  operationId: 'getFlight',
  method: 'GET',
  url: '/flights/:flightId',
  tag: 'flights',
  summary: 'A flight',
  access: admits(rolesFor('manifest.read')),
  status: 200,
  schemas: { params: z.strictObject({ flightId: pathId }), response: FlightSchema },
  async handler({ params }, ctx) {
    return flightJson(await ctx.services.operations.flight(actingOf(ctx), params.flightId));
  },
});

export const registerFlight = userRoute({
  operationId: 'registerFlight',
  method: 'POST',
  url: '/flights',
  tag: 'flights',
  summary: 'Register a flight that manifests can be drawn for',
  access: admits(rolesFor('flight.manage')),
  status: 201,
  schemas: { body: NewFlightSchema, response: FlightSchema },
  async handler({ body }, ctx) {
    // Through the network service, as the CLI registers flights: airports are looked up, and
    // a country that contradicts its airport is refused rather than stored, where it would
    // later stop every plan of the flight's window.
    try {
      const flight = await ctx.services.network.registerFlight(actingOf(ctx), {
        ...body,
        date: parseDay(body.date)!,
      });
      return flightJson(flight);
    } catch (error) {
      if (!(error instanceof NetworkInputError)) throw error;
      throw new ApiProblem(
        'invalid-request',
        'The flight was refused',
        error.issues.map((i) => ({ in: 'body', field: i.field, reason: i.reason })),
      );
    }
  },
});
