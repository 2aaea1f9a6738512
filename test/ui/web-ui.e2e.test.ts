/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against a real
 * server on a loopback port over a temporary SQLite demo store: every role signs in and sees
 * only its own steps; the "known at" slider replays the 2025 Venezuelan TPS court orders on a
 * holder's decision; a flight is registered and a manifest drafted by hand; the demo's
 * flight window is planned, and a planned draft is reviewed, approved, checked and flown, a
 * stay recorded on it once approved striking its person; the audit chain verifies. The
 * dashboard, a person, a plan and a manifest are saved to screenshots/ and checked with axe.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_FROM, DEMO_PLAN_TO } from '../../src/demo/network.js';
import { demoPeople } from '../../src/demo/population.js';
import { FACILITIES } from '../../src/demo/facilities.js';
import { ROLES, rolesFor, type Role } from '../../src/domain/roles.js';
import { builtWebUi, serverConfig, startServer, type RunningServer } from '../../src/main/server.js';
import { cli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
const SCREENSHOTS = join(ROOT, 'screenshots');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PEOPLE = 400;
const DAY_MS = 86_400_000;

const tmp = mkdtempSync(join(tmpdir(), 'repatria-ui-'));
const dbPath = join(tmp, 'ui.db');
let server: RunningServer;
let browser: Browser;
const passwords = new Map<Role, string>();

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

/** A page signed in as the role, in a context of its own (its own session cookie). */
async function signedIn(role: Role, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.getByLabel('Username').fill(role);
  await page.getByLabel('Password').fill(passwords.get(role)!);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Attached, not visible: on a narrow screen it sits in the closed menu.
  await page.getByTestId('signed-in').waitFor({ state: 'attached' });
  return page;
}

/** No serious or critical accessibility violations on the page as it stands. */
async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(bad).toEqual([]);
}

/** Calls the API as the role, through the page's own session. */
async function apiAs(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const response = await fetch(p, {
        method: m,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: response.status, json: await response.json() };
    },
    [method, path, body] as const,
  );
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-system-deps.sh`);
  if (builtWebUi() === undefined) {
    // `npm test` builds the UI first; a test run on its own builds it here.
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const demo = await cli(['demo', '--people', String(PEOPLE), '--seed', '1', '--db', dbPath]);
  expect(demo.status, demo.stderr).toBe(0);
  const config = serverConfig({ port: '0', db: dbPath, demoUsers: true }, { REPATRIA_LOG_LEVEL: 'warn' });
  server = await startServer(
    // Every role signs in several times: more than the default per-address limit allows.
    { ...config, api: { ...config.api, loginRateLimit: { max: 200, windowSeconds: 60 } } },
    {
      logDestination: { write: () => undefined },
      argon2Cost: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
    },
  );
  expect(server.webUi).toBe(true);
  for (const s of server.demoSignIns) passwords.set(s.role, s.password);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the web UI', () => {
  it('signs in each role, shows who is signed in, and offers only that role’s steps', async () => {
    const navOf = {
      officer: ['Dashboard', 'People', 'Programme', 'Flights'],
      planner: ['Dashboard', 'People', 'Programme', 'Flights'],
      legal: ['Dashboard', 'People', 'Programme', 'Flights'],
      supervisor: ['Dashboard', 'People', 'Programme', 'Flights', 'Audit'],
      auditor: ['Dashboard', 'People', 'Programme', 'Flights', 'Audit'],
      admin: ['Dashboard', 'People', 'Programme', 'Flights', 'Audit'],
    } as const satisfies Record<Role, readonly string[]>;
    const records = {
      officer: true,
      planner: false,
      legal: true,
      supervisor: false,
      auditor: false,
      admin: true,
    };
    for (const role of ROLES) {
      const page = await signedIn(role);
      await expect.poll(() => page.getByTestId('signed-in').textContent()).toContain(`Demo ${role}`);
      const nav = page.getByRole('navigation', { name: 'Primary' });
      const links = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
      expect(links, role).toEqual([...navOf[role]]);
      await page.goto(`${server.url}/person/P0000001`);
      await page.getByTestId('decision').waitFor();
      expect(await page.getByTestId('fact-form').count(), role).toBe(records[role] ? 1 : 0);
      // Only the roles that serve notices see the form; served on the person and counsel, the notice period starts.
      expect(await page.getByTestId('notice-form').count(), role).toBe(rolesFor('notice.serve').includes(role) ? 1 : 0);
      if (role === 'officer') {
        const form = page.getByTestId('notice-form');
        await form.getByLabel('Served on (YYYY-MM-DD)').fill('2025-05-02');
        await form.getByText('Counsel of record', { exact: true }).click();
        expect(await form.getByLabel('Counsel of record', { exact: true }).isChecked()).toBe(true);
        await form.getByLabel('Language of the notice (ISO 639 code, for example es, ht, pt-BR)').fill('ht');
        await form.getByLabel('How it was delivered').selectOption('via_facility');
        await expectAccessible(page);
        await form.getByRole('button', { name: 'Record the serving' }).click();
        await expect.poll(() => form.getByRole('alert').or(form.locator('.usa-alert')).first().textContent()).toContain('The notice period runs from 2 May 2025');
      }
      if (role === 'auditor') {
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in to Repatria' }).waitFor();
        const after = await apiAs(page, 'GET', '/sessions/current');
        expect(after.status).toBe(401);
      }
      await page.context().close();
    }
    // A wrong password is refused in words, with no hint of which part was wrong.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/audit-log`);
    await page.getByLabel('Username').fill('officer');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByTestId('sign-in-refused').textContent())
      .toContain('Wrong username or password');
    await context.close();
  });

  it('goes back to the page asked for after sign-in, and finds people by A-number or name', async () => {
    // A link to a person opened while signed out: after signing in, that person, not the dashboard.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/person/P0000002`);
    await page.getByLabel('Username').fill('officer');
    await page.getByLabel('Password').fill(passwords.get('officer')!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('decision').waitFor();
    expect(new URL(page.url()).pathname).toBe('/person/P0000002');

    const person = (await apiAs(page, 'GET', '/people/P0000002')).json as {
      profile: { name: string; aNumber: string };
    };
    await page.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'People' }).click();
    const search = page.getByTestId('people-search');
    // As people write it: spaces, no A.
    await search.getByLabel('A-number').fill(person.profile.aNumber.slice(1).replace(/(\d{3})(?=\d)/g, '$1 '));
    await search.getByRole('button', { name: 'Find' }).click();
    const table = page.getByTestId('people-table');
    await expect.poll(() => table.getByRole('link').allTextContents()).toEqual(['P0000002']);
    await expect.poll(() => table.textContent()).toContain(person.profile.name);
    await search.getByLabel('A-number').fill('');
    await search.getByLabel('Name').fill(person.profile.name.split(' ').reverse().join(' ').toUpperCase());
    await search.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => table.getByRole('link').allTextContents()).toContain('P0000002');
    await expectAccessible(page);
    await search.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(() => table.getByRole('link').count()).toBe(25);
    await context.close();

    // A planner sees masked profiles and is offered no search by them.
    const planner = await signedIn('planner');
    await planner.goto(`${server.url}/person`);
    await planner.getByTestId('people-table').waitFor();
    expect(await planner.getByTestId('people-search').count()).toBe(0);
    await planner.context().close();
  });

  it('replays what was known: a VE-2023 holder across 31 Mar 2025 and 19 May 2025', async () => {
    const page = await signedIn('legal');
    // A Venezuelan with a final order and a VE-2023 grant, removable in June 2025 on what is known now.
    const candidates: string[] = [];
    for (const batch of demoPeople({ people: PEOPLE, seed: 1 }, 1000))
      for (const p of batch)
        if (
          p.facts.some((f) => f.type === 'tps' && f.designation === 'VE-2023') &&
          p.facts.some((f) => f.type === 'final_order')
        )
          candidates.push(p.id);
    let holder: string | undefined;
    for (const id of candidates) {
      const d = await apiAs(page, 'GET', `/people/${id}/decision?on=2025-06-01&knownAt=2025-05-19`);
      if ((d.json as { removable: boolean }).removable) {
        holder = id;
        break;
      }
    }
    expect(holder, `no removable VE-2023 holder among ${candidates.join(', ')}`).toBeDefined();

    await page.goto(`${server.url}/person/${holder!}`);
    await page.getByTestId('decision').waitFor();
    await page.getByLabel('Removal on (YYYY-MM-DD)').fill('2025-06-01');
    const slider = page.getByLabel('Known at (drag, or use the arrow keys a day at a time)');
    const outcome = page.getByTestId('decision-outcome');
    const knownAtText = page.getByTestId('known-at-text');
    const tpsReason = page.locator('[data-testid="reasons"] li[data-code="TPS_PROTECTED"]');

    // 30 Mar 2025: the termination (90 FR 9040) is the latest record: the period ended 7 Apr 2025.
    await slider.fill(String(dayNumber('2025-03-30')));
    await expect.poll(() => knownAtText.textContent()).toContain('30 Mar 2025');
    await expect.poll(() => outcome.textContent()).toContain('May be removed');

    // 31 Mar 2025: the N.D. Cal. order postpones the termination: protected through 2 Oct 2026.
    await slider.fill(String(dayNumber('2025-03-31')));
    await expect.poll(() => outcome.textContent()).toContain('May not be removed');
    await expect.poll(() => tpsReason.count()).toBe(1);
    expect(await tpsReason.textContent()).toContain('Temporary Protected Status');
    // The reason links to the record behind it, with its citation.
    expect(await tpsReason.textContent()).toContain('No. 3:25-cv-01766-EMC');
    expect(await page.getByTestId('fact-timeline').textContent()).toContain('as known then');

    // 19 May 2025: the Supreme Court stays that order: the period ends 7 Apr 2025 again.
    await slider.fill(String(dayNumber('2025-05-19')));
    await expect.poll(() => outcome.textContent()).toContain('May be removed');
    expect(await tpsReason.count()).toBe(0);

    // The keyboard moves the slider a day at a time.
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => knownAtText.textContent()).toContain('18 May 2025');
    await expect.poll(() => outcome.textContent()).toContain('May not be removed');

    await slider.fill(String(dayNumber('2025-03-31')));
    await expect.poll(() => tpsReason.count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'person.png'), fullPage: true });
    await expectAccessible(page);

    // Field-level messages before anything is sent.
    await page.getByLabel('Kind of fact').selectOption('stay');
    await page.getByLabel(/^In effect from/).fill('2025-13-40');
    await page.getByRole('button', { name: 'Record fact' }).click();
    await expect.poll(() => page.locator('#fact-from-error').textContent()).toContain('Enter a real date');

    // The programme page reads as a legal timeline.
    await page.goto(`${server.url}/programme`);
    await page.getByLabel('Country', { exact: true }).selectOption('VE');
    const ve = page.getByTestId('designation-VE-2023');
    await ve.waitFor();
    const text = (await ve.textContent()) ?? '';
    for (const citation of ['88 FR 68130', '90 FR 9040', 'No. 3:25-cv-01766-EMC', 'No. 24A1059'])
      expect(text).toContain(citation);
    await page.context().close();
  });

  it('plans a date range, then reviews, approves, checks and flies a planned manifest; a stay strikes its person', async () => {
    const officer = await signedIn('officer');
    const now = Date.now();
    const flightDay = isoDay(now + 10 * DAY_MS);
    const facility = FACILITIES[0]!.code;
    const people = ['UI-FLY-1', 'UI-FLY-2'];
    for (const id of people) {
      const created = await apiAs(officer, 'POST', '/people', {
        id,
        facts: [
          { id: `${id}-n`, type: 'nationality', country: 'HN' },
          { id: `${id}-o`, type: 'final_order', kind: 'removal', from: '2024-01-10' },
          { id: `${id}-c`, type: 'custody', facility, from: isoDay(now - 60 * DAY_MS) },
          { id: `${id}-s`, type: 'notice', servedOn: isoDay(now - 40 * DAY_MS), counsel: true },
        ],
      });
      expect(created.status, JSON.stringify(created.json)).toBe(201);
    }
    await officer.context().close();

    // Other roles see no planning form; the planner does.
    const supervisor = await signedIn('supervisor');
    await supervisor.goto(`${server.url}/flight-planning`);
    await supervisor.getByTestId('flights-table').waitFor();
    expect(await supervisor.getByRole('heading', { name: 'Plan a date range' }).count()).toBe(0);

    // The planner registers a flight and drafts its manifest by hand.
    const planner = await signedIn('planner');
    await planner.goto(`${server.url}/flight-planning`);
    await planner.getByLabel('Flight id').first().fill('UI-HN-1');
    await planner.getByLabel('Departure date').fill(flightDay);
    await planner.getByLabel('From airport').fill('AEX');
    await planner.getByLabel('To airport').fill('SAP');
    await planner.getByLabel('Receiving country').fill('HN');
    await planner.getByLabel('Seats', { exact: true }).fill('12');
    await planner.getByRole('button', { name: 'Register flight' }).click();
    await planner.getByText('Flight UI-HN-1 registered').waitFor();
    await planner.locator('#draft-flight').fill('UI-HN-1');
    await planner.getByRole('button', { name: 'Draft manifest' }).click();
    await planner.waitForURL(/\/manifest\//);
    await planner.getByLabel('Person ids, separated by spaces or commas').fill(people.join(' '));
    await planner.getByRole('button', { name: 'Add to manifest' }).click();
    await expect.poll(() => planner.getByTestId('manifest-people').textContent()).toContain('UI-FLY-2');
    // The planner may not approve: no such button.
    expect(await planner.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The planner plans the demo's network window: draft manifests for the flights it fills.
    await planner.goto(`${server.url}/flight-planning`);
    await planner.getByLabel('First flight date').fill(DEMO_PLAN_FROM);
    await planner.getByLabel('Last flight date').fill(DEMO_PLAN_TO);
    await planner.getByRole('button', { name: 'Plan flights' }).click();
    const result = planner.getByTestId('plan-result');
    await result.waitFor({ timeout: 60_000 });
    const summary = (await planner.getByTestId('plan-summary').textContent()) ?? '';
    expect(summary).toContain('Objective');
    expect(summary).toContain('Proven bound');
    expect(await planner.getByTestId('plan-ratio').textContent()).toMatch(/%/);
    const objective = Number((await planner.getByTestId('plan-objective').textContent())!.replace(/,/g, ''));
    const bound = Number((await planner.getByTestId('plan-bound').textContent())!.replace(/,/g, ''));
    expect(objective).toBeGreaterThan(0);
    expect(bound).toBeGreaterThanOrEqual(objective);
    // Reasons in plain English beside their codes.
    expect(await planner.getByTestId('plan-unassigned').textContent()).toMatch(/[a-z]{4,}.*[A-Z_]{6,}/);
    expect(await planner.getByTestId('plan-caps').locator('tbody tr').count()).toBeGreaterThan(0);
    await planner.screenshot({ path: join(SCREENSHOTS, 'plan.png'), fullPage: true });
    await expectAccessible(planner);

    // The draft of the fullest planned flight: it has people to strike and to fly.
    const rows = planner.getByTestId('plan-flights').locator('tbody tr');
    let fullest: { link: Locator; used: number } | undefined;
    for (const row of await rows.all()) {
      const link = row.getByTestId('plan-manifest-link');
      if ((await link.count()) === 0) continue;
      const used = Number(/([\d,]+) of/.exec((await row.textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? 0);
      if (fullest === undefined || used > fullest.used) fullest = { link, used };
    }
    expect(fullest?.used).toBeGreaterThanOrEqual(2);
    await fullest!.link.click();
    await planner.waitForURL(/\/manifest\//);
    const manifestUrl = planner.url();
    const manifestId = decodeURIComponent(manifestUrl.split('/manifest/')[1] ?? '');
    const detail = await apiAs(planner, 'GET', `/manifests/${encodeURIComponent(manifestId)}`);
    const planned = detail.json as { flight: { date: string }; people: { personId: string }[] };
    const [struck, cleared] = planned.people.map((p) => p.personId);
    expect(await planner.getByTestId('manifest-state').textContent()).toBe('Draft');
    expect(await planner.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await planner.getByRole('button', { name: 'Submit for legal review' }).click();
    await expect.poll(() => planner.getByTestId('manifest-state').textContent()).toBe('In review');

    // Planning the same window again is refused in the server's words: its flights have manifests.
    await planner.goto(`${server.url}/flight-planning`);
    await planner.getByLabel('First flight date').fill(DEMO_PLAN_FROM);
    await planner.getByLabel('Last flight date').fill(DEMO_PLAN_TO);
    await planner.getByRole('button', { name: 'Plan flights' }).click();
    await expect
      .poll(() => planner.getByTestId('plan-refused').textContent())
      .toContain('already have manifests');
    await planner.context().close();

    const legal = await signedIn('legal');
    await legal.goto(manifestUrl);
    await legal.getByRole('button', { name: 'Clear legal review' }).click();
    await expect
      .poll(() => legal.getByTestId('step-outcome').textContent())
      .toContain('Cleared by legal review');

    await supervisor.goto(manifestUrl);
    await supervisor.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => supervisor.getByTestId('manifest-state').textContent()).toBe('Approved');

    // Legal records a stay for one of them on the person page, in effect before the flight's
    // date: the approved manifest strikes them.
    await legal.goto(`${server.url}/person/${struck!}`);
    await legal.getByLabel('Kind of fact').selectOption('stay');
    await legal.getByLabel(/^In effect from/).fill(isoDay(Date.parse(planned.flight.date) - DAY_MS));
    await legal.getByRole('button', { name: 'Record fact' }).click();
    await legal.getByText('Stay recorded.').waitFor();
    await legal.context().close();

    await supervisor.goto(manifestUrl);
    await expect.poll(() => supervisor.getByTestId(`status-${struck!}`).textContent()).toBe('Struck');
    expect(await supervisor.getByTestId('manifest-people').textContent()).toContain(
      'A court or the agency has granted a stay of removal.',
    );

    await supervisor.getByRole('button', { name: 'Run the departure check' }).click();
    await expect
      .poll(() => supervisor.getByTestId('step-outcome').textContent())
      .toMatch(new RegExp(`Cleared to fly: .*${cleared!}`));
    await expect.poll(() => supervisor.getByTestId('manifest-state').textContent()).toBe('Boarding');
    await supervisor.getByRole('button', { name: /Record departure/ }).click();
    await expect.poll(() => supervisor.getByTestId('manifest-state').textContent()).toBe('Departed');
    await supervisor.getByLabel('Confirmation reference').fill('ARR-0001');
    await supervisor.getByRole('button', { name: 'Confirm arrival' }).click();
    await expect.poll(() => supervisor.getByTestId('manifest-state').textContent()).toBe('Arrived');
    await expect.poll(() => supervisor.getByTestId(`status-${cleared!}`).textContent()).toBe('Boarded');
    const pdf = await supervisor.getByRole('link', { name: 'Print manifest (PDF)' }).getAttribute('href');
    const printed = await supervisor.evaluate(async (href) => {
      const r = await fetch(href!);
      return { status: r.status, type: r.headers.get('content-type') };
    }, pdf);
    expect(printed).toEqual({ status: 200, type: 'application/pdf' });
    await supervisor.screenshot({ path: join(SCREENSHOTS, 'manifest.png'), fullPage: true });
    await expectAccessible(supervisor);

    // The dashboard counts the removals, in the month of the planned flight, and today's
    // queue counts who flew as already returned rather than as removable.
    await supervisor.goto(`${server.url}/`);
    await expect.poll(() => supervisor.getByTestId('removals').textContent()).toContain('Jun 2025');
    await expect.poll(() => supervisor.getByTestId('queue-returned').textContent()).toMatch(/^[1-9][\d,]*Already returned$/);
    // Each person's page lists the manifest, with where they stand on it.
    await supervisor.goto(`${server.url}/person/${cleared!}`);
    await expect
      .poll(() => supervisor.getByTestId('person-manifests').textContent())
      .toContain('Returned; arrival confirmed (ARR-0001)');
    await supervisor.goto(`${server.url}/person/${struck!}`);
    await expect
      .poll(() => supervisor.getByTestId('person-manifests').textContent())
      .toContain('Struck: A court or the agency has granted a stay of removal.');
    await expectAccessible(supervisor);
    await supervisor.context().close();
  });

  it('shows the dashboard with the 2025 designation changes, and verifies the audit chain', async () => {
    const page = await signedIn('supervisor');
    await page.getByTestId('timeline-chart').waitFor();
    await expect.poll(() => page.getByTestId('queue-by-blocker').textContent()).toContain('NO_FINAL_ORDER');
    const label = (await page.getByTestId('timeline-chart').getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/From 1 Jan 2025 to 31 Dec 2025/);
    // The Venezuelan drops: fewer people protected at the end of 2025 than at its start.
    const [start, end] = [...label.matchAll(/protected by TPS go from ([\d,]+) to ([\d,]+)/g)][0]!
      .slice(1)
      .map((n) => Number(n.replace(/,/g, '')));
    expect(end).toBeLessThan(start!);
    await page.waitForTimeout(500); // the chart's entry animation
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard.png'), fullPage: true });
    await expectAccessible(page);

    await page.goto(`${server.url}/audit-log`);
    await expect
      .poll(() => page.getByTestId('verification').textContent())
      .toContain('The audit chain is intact');
    await page.getByTestId('audit-entries').waitFor();
    await page.getByLabel(/^What/).fill('manifest.approved');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(async () => page.getByTestId('audit-entries').locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);

    // A phone-sized screen: the menu button opens the navigation.
    const phone = await signedIn('officer', 390);
    await phone.getByRole('button', { name: 'Menu' }).click();
    await phone.getByRole('navigation', { name: 'Primary' }).getByRole('link', { name: 'People' }).click();
    await phone.getByTestId('people-table').waitFor();
    // The page's own script, as text: this file is type-checked without the DOM's types.
    const overflow = Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.context().close();
    await page.context().close();
  });
});
