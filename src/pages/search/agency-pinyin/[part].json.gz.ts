// Pinyin and initials of the agency names of one province, in the order of its agency-names file
// (src/search/agency-names.ts), gzipped. pinyin-pro (a maintained dictionary with readings chosen from the
// surrounding words: 长岭 → changling, 重庆 → chongqing) runs here, at build time only.
import type { APIRoute } from 'astro';
import { pinyin } from 'pinyin-pro';
import { agencyNames, hubPages, site } from '../../../data/site-data.ts';
import { gzipJsonResponse } from '../../../search/gzip-response.ts';
import type { AgencyPinyin } from '../../../search/agency-names.ts';

const spell = (name: string, pattern: 'pinyin' | 'first') => pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'removed' }).join('');

export const getStaticPaths = () => hubPages(site().names.map(({ part }) => ({ params: { part } })));

export const GET: APIRoute = ({ params }) =>
  gzipJsonResponse(agencyNames(params.part!).map((a): AgencyPinyin[number] => [spell(a.name, 'pinyin'), spell(a.name, 'first')]));
