// A region names a folder of the site (feeds/regions/<region>/), so it becomes one only through this
// slug: its letters and digits (Han characters included) joined by "-", at most 24 of them, so nothing in
// it can leave the folder (`..`, `/`, `%2e`), break a line or make a name too long for the file system.
// A region whose text the slug had to change gets a hash of that text, so two regions never share a feed.
import { createHash } from 'node:crypto';

const MAX = 24;

export function regionSlug(region: string): string {
  const words = region.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const plain = words.join('-').slice(0, MAX);
  if (plain && plain === region) return plain;
  const hash = createHash('sha256').update(region).digest('hex').slice(0, 8);
  return plain ? `${plain}-${hash}` : hash;
}
