// Pinyin and initials of every agency name, in the order of agency-names.json.gz (src/search/agency-names.ts), gzipped.
// pinyin-pro (a maintained dictionary with readings chosen from the surrounding words: 长岭 → changling,
// 重庆 → chongqing) runs here, at build time only.
import { pinyin } from 'pinyin-pro';
import { agencies } from '../../data/site-data.ts';
import { gzipJsonResponse } from '../../search/gzip-response.ts';
import type { AgencyPinyin } from '../../search/agency-names.ts';

const spell = (name: string, pattern: 'pinyin' | 'first') => pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'removed' }).join('');

export const GET = () => gzipJsonResponse(agencies().map((a): AgencyPinyin[number] => [spell(a.name, 'pinyin'), spell(a.name, 'first')]));
