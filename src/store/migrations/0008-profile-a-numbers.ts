/**
 * An index of profiles by A-number: people are found by it (the A-number is what a lawyer or
 * another agency knows a person by), and every profile written is checked against the other
 * people's current A-numbers. Without it both read every profile.
 */
import type { Kysely, Migration } from 'kysely';

export function profileANumbersMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('person_profiles_a_number').on('person_profiles').column('a_number').execute();
    },
  };
}
