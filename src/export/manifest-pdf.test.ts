import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDay, parseInstant } from '../domain/dates.js';
import { renderManifestPdf, type ManifestDocument } from './manifest-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'repatria-pdf-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * poppler-utils is a test dependency (scripts/ensure-system-deps.sh installs it): without it
 * the test fails saying so, rather than passing without having looked at the PDF.
 */
function requireTool(tool: string): void {
  if (spawnSync(tool, ['-v'], { encoding: 'utf8' }).error !== undefined) {
    throw new Error(`${tool} is not installed: install the Debian package poppler-utils (sh scripts/ensure-system-deps.sh does) to run the manifest PDF tests`);
  }
}

/** Width, height and the grey level of each pixel of a binary PGM (P5, 8 bits), as `pdftoppm -gray` writes it. */
function readPgm(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('not an 8-bit binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

function manifest(people: number): ManifestDocument {
  return {
    manifestId: 'M-2025-0042',
    state: 'approved',
    flight: { id: 'RPT-811', date: parseDay('2025-06-12')!, origin: 'AEX', destination: 'CCS', originCountry: 'US', destinationCountry: 'VE', seats: 135 },
    people: Array.from({ length: people }, (_, i) => ({
      personId: `P${String(i + 1).padStart(7, '0')}`,
      nationality: 'VE',
      facility: i % 3 === 0 ? 'Krome Service Processing Center' : 'ADL',
      status: i % 17 === 5 ? ('struck' as const) : ('on_board' as const),
      reasons: i % 17 === 5 ? ['TPS_PROTECTED', 'STAY_OF_REMOVAL'] : undefined,
    })),
    approvals: [
      { action: 'submitted', actor: 'officer-17', role: 'case_officer', at: parseInstant('2025-06-01T09:00:00Z')! },
      { action: 'review_cleared', actor: 'counsel-3', role: 'legal_reviewer', at: parseInstant('2025-06-03T15:30:00Z')!, reason: 'all orders final; no stays' },
      { action: 'approved', actor: 'director-1', role: 'approver', at: parseInstant('2025-06-04T11:10:00Z')! },
    ],
    printedAt: parseInstant('2025-06-05T08:00:00Z')!,
  };
}

describe('the manifest PDF', () => {
  it('renders the flight, every person and the approvals, page after page', async () => {
    const bytes = await renderManifestPdf(manifest(130));
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('Manifest M-2025-0042, flight RPT-811');

    const file = join(dir, 'manifest.pdf');
    writeFileSync(file, bytes);
    requireTool('pdftotext');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Flight RPT-811: AEX (US) to CCS (VE) on 12 Jun 2025');
    expect(text).toContain('P0000001');
    expect(text).toContain('P0000130');
    expect(text).toContain('Struck: TPS_PROTECTED, STAY_OF_REMOVAL');
    expect(text).toMatch(/approved\s+director-1\s+approver\s+2025-06-04T11:10:00Z/);
    expect(text).toContain('all orders final; no stays');
    expect(text).toMatch(/page 1 of \d/);
  });

  it('turns into a PNG with pdftoppm, whose page shows the flight, the people and the approvals', async () => {
    requireTool('pdftoppm');
    requireTool('pdftotext');
    const file = join(dir, 'small.pdf');
    writeFileSync(file, await renderManifestPdf(manifest(8)));
    const page = ['-r', '60', '-f', '1', '-l', '1', '-singlefile', file];
    execFileSync('pdftoppm', ['-png', ...page, join(dir, 'small')]);
    const png = readFileSync(join(dir, 'small.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(join(dir, 'small.png')).size).toBeGreaterThan(5_000);

    // The same page in grey levels: mostly white paper, with ink on it (text and rules), not a blank page.
    execFileSync('pdftoppm', ['-gray', ...page, join(dir, 'small')]);
    const { width, height, pixels } = readPgm(readFileSync(join(dir, 'small.pgm')));
    expect(width).toBeGreaterThan(400);
    expect(height).toBeGreaterThan(500);
    const dark = pixels.reduce((n, grey) => n + (grey < 128 ? 1 : 0), 0) / pixels.length;
    expect(dark).toBeGreaterThan(0.01);
    expect(dark).toBeLessThan(0.5);

    // And what that page says: the flight, a person on it, an approval.
    const text = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Flight RPT-811: AEX (US) to CCS (VE) on 12 Jun 2025');
    expect(text).toContain('P0000008');
    expect(text).toMatch(/approved\s+director-1\s+approver\s+2025-06-04T11:10:00Z/);
  });

  it('prints names in other scripts without failing', async () => {
    const doc = manifest(1);
    const bytes = await renderManifestPdf({ ...doc, people: [{ ...doc.people[0]!, facility: 'Центр 北京 ✈' }] });
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});
