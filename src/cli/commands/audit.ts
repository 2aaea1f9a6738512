/** `repatria audit verify|list`: the hash-chained audit log. */
import { formatInstant } from '../../domain/dates.js';
import { RepatriaError } from '../../domain/errors.js';
import type { ActingOptions } from '../operations-commands.js';
import type { CliDeps } from '../program.js';
import type { StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';
import { withOperations } from './operations-context.js';

export interface AuditListOptions extends ActingOptions {
  readonly after?: string;
  readonly limit: string;
  readonly subject?: string;
}

/** Exit 0 with the head of an intact chain; exit 1 naming the first broken entry. */
export const verifyRun =
  (opts: ActingOptions) =>
  (deps: CliDeps, store: StoreConfig): Promise<void> =>
    withOperations(opts, deps, store, async (ops, actor) => {
      const verdict = await ops.verifyAudit(actor);
      if (!verdict.ok) {
        throw new RepatriaError(
          'INVALID_STATE',
          `audit chain broken at entry ${verdict.broken.seq} (${verdict.entries} entries before it verified): ${verdict.broken.message}`,
        );
      }
      deps.io.out(
        `Audit chain intact: ${verdict.entries} entries; last entry ${verdict.head.seq}, hash ${verdict.head.hash}.\n`,
      );
    });

export const listRun =
  (opts: AuditListOptions) =>
  (deps: CliDeps, store: StoreConfig): Promise<void> =>
    withOperations(opts, deps, store, async (ops, actor) => {
      const number = (name: string, text: string | undefined): number | undefined => {
        if (text === undefined) return undefined;
        if (!/^\d+$/.test(text))
          throw new RepatriaError('INVALID_INPUT', `option ${name}: "${text}" is not a whole number`);
        return Number(text);
      };
      const entries = await ops.auditLog(actor, {
        afterSeq: number('--after', opts.after),
        limit: number('--limit', opts.limit),
        subjectId: opts.subject,
      });
      const rows = entries.map((e) => [
        e.seq,
        formatInstant(e.when),
        e.who,
        e.what,
        `${e.subjectType} ${e.subjectId}`,
        e.details,
      ]);
      deps.io.out(
        rows.length === 0
          ? 'No audit entries.\n'
          : renderTable(['seq', 'when', 'who', 'what', 'subject', 'details'], rows),
      );
    });
