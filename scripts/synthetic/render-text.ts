// The two plain-text layouts Word exports produce (like content/000 and content/002):
// "cells": every table cell on its own line after a tab, rows separated by a blank line, a vertically
// merged cell continued as an empty cell and a horizontally merged one printed once;
// "tabs": one line per row, cells separated by tabs, merged slots left empty.
import type { Random } from './random.ts';
import type { ReportDocument } from './synthetic-report.ts';
import { grid, type Table } from './synthetic-tables.ts';

export type TextLayout = 'cells' | 'tabs';

export function renderText(doc: ReportDocument, layout: TextLayout, rnd: Random): string {
  const indent = rnd.chance(0.5) ? '\u3000\u3000' : '';
  const lines: string[] = [doc.title, ''];
  for (const block of doc.blocks) {
    if (block.kind === 'table') lines.push(layout === 'cells' ? cellLines(block.table, rnd) : tabLines(block.table), '');
    else if (block.kind === 'heading') lines.push(block.text);
    else lines.push(block.right ? block.text : indent + block.text);
    if (layout === 'tabs' && block.kind !== 'table') lines.push('');
  }
  return lines.join('\n') + '\n';
}

function cellLines(table: Table, rnd: Random): string {
  // Word pads some numbers with a space on either side (content/000).
  const padded = rnd.chance(0.3);
  const pad = (text: string) => (padded && /^\d+$/.test(text) ? rnd.pick([`${text} `, ` ${text}`, text]) : text);
  return grid(table)
    .map((slots) =>
      slots
        .filter((slot, c) => slot.cell !== slots[c - 1]?.cell)
        .map((slot) => `\t${slot.origin ? pad(slot.cell.text) : ''}`)
        .join('\n'),
    )
    .join('\n\n');
}

function tabLines(table: Table): string {
  return grid(table)
    .map((slots) => slots.map((slot) => (slot.origin ? slot.cell.text.replace(/\n/g, '') : '')).join('\t'))
    .join('\n');
}
