// The main pages of the sample site, as a reader reaches them.
import { summaries } from './site.ts';

export function mainPages(): [name: string, path: string][] {
  const all = summaries();
  const report = all.find((s) => s.failed > 0) ?? all[0]!;
  return [
    ['overview', ''],
    ['agencies', 'agencies/'],
    ['one agency', `agencies/${report.agencyId}/`],
    ['one report', `reports/${report.id}/`],
    ['compare', `compare/?a=${[...new Set(all.map((s) => s.agencyId))].slice(0, 2).join(',')}&y=${report.year}`],
    ['one year', `years/${report.year}/`],
    ['quality', 'quality/'],
    ['search', 'search/?q=%E5%9B%BA%E5%86%9B'],
    ['data', 'data/'],
    ['SQL', `data/sql/?sql=${encodeURIComponent('select * from cells limit 50')}`],
    ['about', 'about/'],
  ];
}
