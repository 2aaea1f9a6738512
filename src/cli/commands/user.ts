/**
 * `repatria user add | list | reset-password`: accounts of the HTTP API, straight in the
 * store. This is how the first admin is made; after that, admins can use `POST /users`.
 *
 * A password is read from standard input (`--password-stdin`, so that it never sits in the
 * shell's history or the process list) or generated and printed once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { argon2Hasher } from '../../api/auth/passwords.js';
import { password as passwordSchema, username as usernameSchema } from '../../api/schemas/accounts.js';
import { isRole } from '../../domain/access.js';
import { formatInstant } from '../../domain/dates.js';
import { KyselyIdentityStore } from '../../store/identity-store.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';
import { CLI_ACTOR } from '../reference-seed.js';
import { withNewOrExistingStore, withStore, type StoreConfig } from '../store-config.js';
import { renderTable } from '../table.js';

/** Reads standard input to its end: the password, without the newline that ends it. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

interface PasswordChoice {
  readonly password: string;
  readonly generated: boolean;
}

async function choosePassword(fromStdin: boolean, read: () => Promise<string>): Promise<PasswordChoice> {
  if (!fromStdin) return { password: randomBytes(18).toString('base64url'), generated: true };
  const given = passwordSchema.safeParse(await read());
  if (!given.success)
    throw new UsageError(`the password ${given.error.issues[0]?.message ?? 'is not valid'}`);
  return { password: given.data, generated: false };
}

export async function runUserAdd(
  opts: {
    username: string;
    role: string;
    name?: string | undefined;
    passwordStdin?: boolean | undefined;
    store: StoreConfig;
  },
  io: CliIo,
  read: () => Promise<string> = readStdin,
): Promise<void> {
  const username = usernameSchema.safeParse(opts.username);
  if (!username.success)
    throw new UsageError(
      `option --username: "${opts.username}" ${username.error.issues[0]?.message ?? 'is not valid'}`,
    );
  if (!isRole(opts.role))
    throw new UsageError(
      `option --role: "${opts.role}" is not a role (officer, planner, legal, supervisor, auditor, admin)`,
    );
  const role = opts.role;
  const { password, generated } = await choosePassword(opts.passwordStdin === true, read);
  const passwordHash = await argon2Hasher().hash(password);
  // The first admin of a new installation is made this way, so it may create the store.
  const user = await withNewOrExistingStore(opts.store, io.now, (store) =>
    new KyselyIdentityStore(store, io.now).createUser(
      {
        id: randomUUID(),
        username: username.data,
        displayName: opts.name ?? username.data,
        role,
        passwordHash,
      },
      CLI_ACTOR,
    ),
  );
  io.out(`user ${user.username} (${user.role}) created, id ${user.id}\n`);
  if (generated) io.out(`password (shown once): ${password}\n`);
}

export async function runUserResetPassword(
  opts: { username: string; passwordStdin?: boolean | undefined; store: StoreConfig },
  io: CliIo,
  read: () => Promise<string> = readStdin,
): Promise<void> {
  const { password, generated } = await choosePassword(opts.passwordStdin === true, read);
  const passwordHash = await argon2Hasher().hash(password);
  await withStore(opts.store, io.now, async (store) => {
    const identity = new KyselyIdentityStore(store, io.now);
    const login = await identity.findLogin(opts.username);
    if (login === undefined) throw new UsageError(`no user ${opts.username}`);
    await identity.setPassword(login.user.id, passwordHash, CLI_ACTOR);
  });
  io.out(`password of ${opts.username} changed\n`);
  if (generated) io.out(`password (shown once): ${password}\n`);
}

export async function runUserList(opts: { store: StoreConfig }, io: CliIo): Promise<void> {
  const users = await withStore(opts.store, io.now, (store) =>
    new KyselyIdentityStore(store, io.now).listUsers(),
  );
  io.out(
    renderTable(
      ['username', 'role', 'name', 'created', 'disabled'],
      users.map((u) => [
        u.username,
        u.role,
        u.displayName,
        formatInstant(u.createdAt),
        u.disabledAt === null ? '' : formatInstant(u.disabledAt),
      ]),
    ),
  );
}
