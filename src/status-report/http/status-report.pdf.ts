import PDFDocument from 'pdfkit';
import type { Language } from '../../common/language';
import type { SuccessSeries } from '../../cooperations';
import type { StatusReport } from '../application/status-report.query';
import { type Labels, labelsIn, phaseName } from './status-report.labels';

/*
 * The status report as PDF, drawn with pdfkit (pure JavaScript: no browser, nothing to install on
 * the server). Charts are vector drawings; every number in a chart is also printed in the table
 * beside it. Only the 14 standard fonts are used, so German text (WinAnsi) needs no font files.
 */

const MARGIN = 56;
const COLORS = ['#1f4e79', '#b45f06', '#38761d', '#741b47', '#444444'];

type Doc = PDFKit.PDFDocument;

const dateTime = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

const day = (date: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC', dateStyle: 'medium' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );

const number = (n: number, language: Language) => n.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB');

/** Renders the report; resolves with the PDF's bytes. */
export function renderStatusReport(report: StatusReport, language: Language): Promise<Buffer> {
  const l = labelsIn(language);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `${l.title}: ${report.cooperation.title}`,
      Author: 'IKZ-Lebenszyklus',
      Subject: report.cooperation.id,
    },
    lang: language,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, report, l, language);
  members(doc, report, l);
  history(doc, report, l, language);
  obligations(doc, report, l, language);
  cases(doc, report, l, language);
  success(doc, report.success, l, language);
  deadlines(doc, report, l, language);
  integrity(doc, report, l, language);
  pageNumbers(doc, l);
  doc.end();
  return done;
}

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('black').text(text).moveDown(0.3);
  doc.font('Helvetica').fontSize(10);
}

function line(doc: Doc, label: string, value: string): void {
  doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);
}

function header(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  doc.font('Helvetica-Bold').fontSize(20).text(l.title);
  doc.fontSize(14).text(r.cooperation.title).moveDown(0.3);
  doc.font('Helvetica').fontSize(9).fillColor('#444444');
  doc.text(`${l.generated} ${dateTime(r.generatedAt, language)} · ${r.cooperation.id}`).fillColor('black');
  heading(doc, l.cooperation);
  line(doc, l.fieldOfWork, r.cooperation.fieldOfWork);
  line(doc, l.legalForm, r.cooperation.legalForm ?? l.notYet);
  line(doc, l.phase, phaseName(r.cooperation.phase, language));
  line(doc, l.state, r.cooperation.state);
  line(doc, l.inForceSince, r.cooperation.inForceSince ? day(r.cooperation.inForceSince, language) : l.notYet);
  if (r.cooperation.description) doc.moveDown(0.3).text(r.cooperation.description);
}

function members(doc: Doc, r: StatusReport, l: Labels): void {
  heading(doc, l.members);
  for (const m of r.members) {
    const role = m.role === 'lead' ? l.lead : l.partner;
    doc.text(`• ${m.name} (${m.kind}, AGS ${m.ags}), ${role} — ${l.office}: ${m.office ?? l.none}`);
  }
}

function history(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  heading(doc, l.history);
  line(doc, l.entries, String(r.history.entries));
  for (const p of r.history.phases) {
    doc.text(`• ${phaseName(p.phase, language)} ${l.since} ${dateTime(p.since, language)}`);
  }
}

function obligations(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  heading(doc, l.obligations);
  if (r.obligationsMet.length === 0) doc.text(l.none);
  for (const o of r.obligationsMet) {
    doc.font('Helvetica-Bold').text(`${o.id} `, { continued: true }).font('Helvetica');
    doc.text(`(${day(o.at, language)}, ${o.event}): ${o.text[language]}`);
  }
}

function cases(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  heading(doc, l.cases);
  if (r.openCases.length === 0) doc.text(l.none);
  for (const c of r.openCases) {
    doc.text(`• #${c.number} ${c.subject} — ${l.level} ${c.level}, ${l.deadline} ${day(c.deadlineOn, language)}`);
  }
}

function success(doc: Doc, series: SuccessSeries[], l: Labels, language: Language): void {
  heading(doc, l.success);
  if (series.length === 0) doc.text(l.none);
  for (const s of series) {
    if (doc.y > doc.page.height - MARGIN - 260) doc.addPage();
    doc.font('Helvetica-Bold').text(`${s.indicator} (${s.unit})`).font('Helvetica');
    doc.text(
      `${l.target}: ${number(s.target, language)}` +
        (s.baseline !== null ? ` · ${l.baseline}: ${number(s.baseline, language)}` : ''),
    );
    if (s.points.length === 0) {
      doc.text(l.noValues).moveDown(0.5);
      continue;
    }
    chart(doc, s, language);
    for (const p of s.points) {
      const ack = p.acknowledged ? l.acknowledged : l.open;
      doc
        .fontSize(9)
        .text(`${p.period} · ${p.reporterName} (${p.reporter}) · ${l.value} ${number(p.value, language)} · ${ack}`);
    }
    doc.fontSize(10).moveDown(0.5);
  }
}

/** A line chart: the target as a dashed line, each reporter's values as a polyline with points. */
function chart(doc: Doc, s: SuccessSeries, language: Language): void {
  const x0 = MARGIN + 40;
  const width = doc.page.width - 2 * MARGIN - 50;
  const height = 120;
  const top = doc.y + 6;
  const periods = [...new Set(s.points.map((p) => p.period))];
  const values = [s.target, ...s.points.map((p) => p.value), ...(s.baseline !== null ? [s.baseline] : [])];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) [min, max] = [min - 1, max + 1];
  const pad = (max - min) * 0.1;
  [min, max] = [min - pad, max + pad];
  const x = (i: number) => x0 + (periods.length === 1 ? width / 2 : (i * width) / (periods.length - 1));
  const y = (v: number) => top + height - ((v - min) / (max - min)) * height;

  doc.save().lineWidth(0.5).strokeColor('#888888');
  doc
    .moveTo(x0, top)
    .lineTo(x0, top + height)
    .lineTo(x0 + width, top + height)
    .stroke();
  doc.fontSize(7).fillColor('#444444');
  for (const v of [min, (min + max) / 2, max]) {
    doc.text(number(Math.round(v * 100) / 100, language), MARGIN - 4, y(v) - 3, { width: 40, align: 'right' });
  }
  periods.forEach((p, i) => doc.text(p, x(i) - 25, top + height + 3, { width: 50, align: 'center' }));
  doc.lineWidth(1).strokeColor('#cc0000').dash(4, { space: 3 });
  doc
    .moveTo(x0, y(s.target))
    .lineTo(x0 + width, y(s.target))
    .stroke()
    .undash();
  const reporters = [...new Set(s.points.map((p) => p.reporter))];
  reporters.forEach((reporter, k) => {
    const color = COLORS[k % COLORS.length];
    const points = s.points.filter((p) => p.reporter === reporter);
    doc.lineWidth(1.5).strokeColor(color).fillColor(color);
    points.forEach((p, i) => {
      const px = x(periods.indexOf(p.period));
      if (i === 0) doc.moveTo(px, y(p.value));
      else doc.lineTo(px, y(p.value));
    });
    doc.stroke();
    for (const p of points) doc.circle(x(periods.indexOf(p.period)), y(p.value), 2).fill();
  });
  doc.restore();
  doc.x = MARGIN;
  doc.y = top + height + 18;
  doc.fontSize(10).fillColor('black');
}

function deadlines(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  heading(doc, l.deadlines);
  if (r.deadlines.length === 0) doc.text(l.none);
  for (const d of r.deadlines) {
    doc.text(`• ${dateTime(d.dueAt, language)}: ${d.what[language]}${d.detail ? ` (${d.detail})` : ''}`);
  }
}

function integrity(doc: Doc, r: StatusReport, l: Labels, language: Language): void {
  heading(doc, l.integrity);
  line(doc, l.sequence, String(r.chain.headSequence));
  doc.font('Helvetica-Bold').text(`${l.headHash}:`);
  doc
    .font('Courier')
    .fontSize(8.5)
    .text(r.chain.headHash ?? '—')
    .font('Helvetica')
    .fontSize(10);
  doc.text(r.chain.valid ? l.chainValid : l.chainBroken).moveDown(0.3);
  const c = r.checkpoint;
  if (!c) {
    doc.text(l.noCheckpoint);
  } else {
    doc.font('Helvetica-Bold').text(`${l.checkpoint}: `, { continued: true }).font('Helvetica');
    doc.text(`${c.checkpointId} (${dateTime(c.createdAt, language)}, ${c.algorithm})`);
    doc.text(`${l.headInCheckpoint}: ${l.sequence} ${c.sequence}`);
    doc.font('Courier').fontSize(8.5).text(c.hash);
    doc.font('Helvetica').fontSize(10).text(`${l.rootHash}:`);
    doc.font('Courier').fontSize(8.5).text(c.rootHash);
    doc.font('Helvetica').fontSize(10).text(`${l.keyId}:`);
    doc.font('Courier').fontSize(8.5).text(c.keyId).font('Helvetica').fontSize(10);
  }
  doc.moveDown(0.5).fontSize(8).fillColor('#444444').text(l.howToCheck.replace('{id}', r.cooperation.id));
}

function pageNumbers(doc: Doc, l: Labels): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor('#444444')
      .text(`${l.page} ${i + 1} / ${range.count}`, MARGIN, doc.page.height - 36, {
        width: doc.page.width - 2 * MARGIN,
        align: 'right',
      });
    doc.page.margins.bottom = bottom;
  }
}
