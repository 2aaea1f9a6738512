/** `repatria notice serve`: record serving a notice of intended removal. */
import { formatDayForPeople } from '../../domain/dates.js';
import { DELIVERY_METHODS, type DeliveryMethod, type NoticeRecipient } from '../../domain/notice-serving.js';
import { UsageError } from '../exit.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { dateOption, withOperations } from './operations-context.js';

export interface ServeOptions extends ActingOptions {
  readonly person: string;
  readonly to: string;
  readonly language: string;
  readonly method: string;
  readonly servedOn: string;
  /** commander's `--no-counsel-of-record` sets this to false. */
  readonly counselOfRecord: boolean;
}

const RECIPIENTS: Readonly<Record<string, readonly NoticeRecipient[]>> = {
  person: ['person'],
  counsel: ['counsel'],
  both: ['person', 'counsel'],
};

const isMethod = (text: string): text is DeliveryMethod =>
  (DELIVERY_METHODS as readonly string[]).includes(text);

export const serveRun =
  (opts: ServeOptions) =>
  (deps: CliDeps, store: StoreConfig): Promise<void> =>
    withOperations(opts, deps, store, async (ops, actor) => {
      const to = RECIPIENTS[opts.to];
      if (to === undefined) throw new UsageError(`option --to: "${opts.to}" is not person, counsel or both`);
      if (!isMethod(opts.method))
        throw new UsageError(
          `option --method: "${opts.method}" is not one of ${DELIVERY_METHODS.join(', ')}`,
        );
      const result = await ops.serveNotice(actor, {
        personId: opts.person,
        servedOn: dateOption('--served-on', opts.servedOn),
        to,
        noCounselOfRecord: !opts.counselOfRecord,
        language: opts.language,
        method: opts.method,
      });
      // What every serving so far makes of the notice, whether this one changed it or not.
      const { notice, noticeFact } = result;
      const which = noticeFact === undefined ? 'unchanged by this serving' : `fact ${noticeFact.id}`;
      const state =
        notice === undefined
          ? 'The notice period has not started: the person has not been served yet.'
          : notice.counsel
            ? `Notice complete: the notice period runs from ${formatDayForPeople(notice.servedOn)} (${which}).`
            : `Served on the person on ${formatDayForPeople(notice.servedOn)}; the notice period starts once counsel of record is served too (${which}).`;
      deps.io.out(`Recorded serving ${result.servingId} for ${opts.person}. ${state}\n`);
    });
