/**
 * A printable manifest: the flight, the people on it (and those struck off, with why), and
 * every approval with who gave it, in which role and when. A4, Helvetica, as many pages as
 * the list needs, the flight and page number on every page.
 *
 * It renders a plain value (`ManifestDocument`), not the store's manifest: the manifest
 * lifecycle lives elsewhere (src/domain/manifest), and whatever assembles a manifest for
 * printing maps it to this. `ManifestFlight` has the fields of the manifests' `FlightInfo`.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDayForPeople, formatInstant, type Day, type Instant } from '../domain/dates.js';

export interface ManifestFlight {
  readonly id: string;
  readonly date: Day;
  /** Airport codes. */
  readonly origin: string;
  readonly destination: string;
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly seats: number;
}

export interface ManifestPassenger {
  readonly personId: string;
  readonly nationality: string;
  /** `on_board`, or `struck` with the reasons (blocker codes or checks) in `reasons`. */
  readonly status: 'on_board' | 'struck';
  readonly reasons?: readonly string[] | undefined;
  /** Where the person is held (custody facility), when known. */
  readonly facility?: string | undefined;
}

export interface ManifestApproval {
  /** What was done: submitted, review cleared, approved, departure check, … */
  readonly action: string;
  readonly actor: string;
  readonly role: string;
  readonly at: Instant;
  readonly reason?: string | undefined;
}

export interface ManifestDocument {
  readonly manifestId: string;
  readonly state: string;
  readonly flight: ManifestFlight;
  readonly people: readonly ManifestPassenger[];
  readonly approvals: readonly ManifestApproval[];
  /** When this copy was printed. */
  readonly printedAt: Instant;
}

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 48;
const LINE = 14;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.75, 0.78);

/**
 * Helvetica (a standard PDF font, nothing embedded) draws WinAnsi only: other characters are
 * replaced, so that a name in another script never makes printing fail.
 */
function printable(text: string): string {
  return text.normalize('NFC').replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');
}

interface Column {
  readonly title: string;
  readonly width: number;
  readonly cell: (p: ManifestPassenger, index: number) => string;
}

const PEOPLE_COLUMNS: readonly Column[] = [
  { title: '#', width: 28, cell: (_p, i) => String(i + 1) },
  { title: 'Person', width: 110, cell: (p) => p.personId },
  { title: 'Nationality', width: 70, cell: (p) => p.nationality },
  { title: 'Facility', width: 70, cell: (p) => p.facility ?? '' },
  { title: 'Status', width: 221, cell: (p) => (p.status === 'on_board' ? 'On board' : `Struck: ${(p.reasons ?? []).join(', ')}`) },
];

class Writer {
  page!: PDFPage;
  y = 0;
  pages = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly doc: ManifestDocument,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage(PAGE);
    this.pages += 1;
    this.y = PAGE[1] - MARGIN;
    const f = this.doc.flight;
    this.text(`Manifest ${this.doc.manifestId}  -  flight ${f.id}  -  ${formatDayForPeople(f.date)}`, { size: 8, color: MUTED });
    this.y -= 6;
  }

  /** Room for `lines` more lines, or a new page. */
  need(lines: number): void {
    if (this.y - lines * LINE < MARGIN + 20) this.newPage();
  }

  text(value: string, options: { size?: number; bold?: boolean; x?: number; color?: ReturnType<typeof rgb>; advance?: boolean } = {}): void {
    const size = options.size ?? 10;
    this.page.drawText(printable(value), { x: options.x ?? MARGIN, y: this.y - size, size, font: options.bold === true ? this.bold : this.font, color: options.color ?? INK });
    if (options.advance !== false) this.y -= size + 4;
  }

  /** Text cut to fit `width` points. */
  fit(value: string, width: number, size: number): string {
    let text = printable(value);
    const room = width - 4;
    if (this.font.widthOfTextAtSize(text, size) <= room) return text;
    while (text.length > 1 && this.font.widthOfTextAtSize(`${text}...`, size) > room) text = text.slice(0, -1);
    return `${text}...`;
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE[0] - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 6;
  }

  row(cells: readonly string[], widths: readonly number[], bold = false): void {
    this.need(1);
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const width = widths[i]!;
      this.text(this.fit(cell, width, 9), { size: 9, bold, x, advance: false });
      x += width;
    });
    this.y -= LINE;
  }
}

/** The manifest as a PDF (bytes). */
export async function renderManifestPdf(doc: ManifestDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Manifest ${doc.manifestId}, flight ${doc.flight.id}`);
  pdf.setSubject('Removal flight manifest');
  pdf.setProducer('Repatria');
  pdf.setCreationDate(new Date(doc.printedAt));
  pdf.setModificationDate(new Date(doc.printedAt));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, font, bold, doc);
  const f = doc.flight;

  w.text('Removal flight manifest', { size: 18, bold: true });
  w.y -= 4;
  w.text(`Manifest ${doc.manifestId}  (${doc.state.replace(/_/g, ' ')})`, { size: 11 });
  w.text(`Flight ${f.id}: ${f.origin} (${f.originCountry}) to ${f.destination} (${f.destinationCountry}) on ${formatDayForPeople(f.date)}`, { size: 11 });
  const onBoard = doc.people.filter((p) => p.status === 'on_board').length;
  w.text(`Seats ${f.seats}; on board ${onBoard}; struck ${doc.people.length - onBoard}`, { size: 11 });
  w.y -= 8;

  w.text('People', { size: 13, bold: true });
  const widths = PEOPLE_COLUMNS.map((c) => c.width);
  w.row(PEOPLE_COLUMNS.map((c) => c.title), widths, true);
  w.rule();
  doc.people.forEach((person, i) => {
    if (w.y - LINE < MARGIN + 20) {
      w.newPage();
      w.row(PEOPLE_COLUMNS.map((c) => c.title), widths, true);
      w.rule();
    }
    w.row(PEOPLE_COLUMNS.map((c) => c.cell(person, i)), widths);
  });
  if (doc.people.length === 0) w.text('No one is on this manifest.', { size: 9, color: MUTED });
  w.y -= 10;

  w.need(4);
  w.text('Approvals', { size: 13, bold: true });
  const approvalWidths = [110, 130, 110, 149];
  w.row(['Action', 'By', 'Role', 'When (UTC)'], approvalWidths, true);
  w.rule();
  for (const a of doc.approvals) {
    w.need(2);
    w.row([a.action.replace(/_/g, ' '), a.actor, a.role.replace(/_/g, ' '), formatInstant(a.at)], approvalWidths);
    if (a.reason !== undefined && a.reason !== '') {
      w.text(w.fit(`Reason: ${a.reason}`, PAGE[0] - 2 * MARGIN - 12, 9), { size: 9, x: MARGIN + 12, color: MUTED });
    }
  }
  if (doc.approvals.length === 0) w.text('Not approved by anyone yet.', { size: 9, color: MUTED });

  const total = pdf.getPageCount();
  pdf.getPages().forEach((page, i) => {
    page.drawText(printable(`Printed ${formatInstant(doc.printedAt)} by Repatria  -  page ${i + 1} of ${total}`), { x: MARGIN, y: MARGIN - 20, size: 8, font, color: MUTED });
  });
  return pdf.save({ useObjectStreams: false });
}
