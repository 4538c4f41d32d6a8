// Where a report was published: an address a reader follows from 查看原文, so it must not be able to lie.
// `http://www.gov.cn:443@evil.example/` goes to evil.example (gov.cn is only user info), and a U+202E in
// the address turns the text round on screen; a 200,000-character URL makes a page of a megabyte and a
// CSV cell longer than a spreadsheet holds. One check for the parser, agencies.csv and the pages.

/** Longer addresses are refused: browsers and sitemaps stop near 2,000 characters. */
export const MAX_URL_LENGTH = 2048;

/** C0 and C1 controls, and the characters that reorder text on screen (bidi controls, marks and isolates). */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The address as the WHATWG URL parser writes it (hosts in ASCII, anything else percent-encoded), or why it is refused. */
export function checkSourceUrl(text: string): { url: string } | { refused: string } {
  const raw = text.trim();
  if (raw.length > MAX_URL_LENGTH) return { refused: `longer than ${MAX_URL_LENGTH} characters (${raw.length})` };
  if (!/^https?:\/\//i.test(raw)) return { refused: 'not an http(s) address' };
  const authority = raw.replace(/^https?:\/\//i, '').split(/[/?#\\]/u)[0]!;
  if (HIDDEN.test(authority)) return { refused: 'control or text-direction characters in its host' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { refused: 'not a valid address' };
  }
  if (url.username || url.password || authority.includes('@'))
    return { refused: `user information before its host (it leads to ${url.hostname}, not to what precedes @)` };
  if (url.href.length > MAX_URL_LENGTH) return { refused: `longer than ${MAX_URL_LENGTH} characters once encoded (${url.href.length})` };
  return { url: url.href };
}

/** The address if it passes checkSourceUrl, else null. */
export const safeSourceUrl = (text: string | null | undefined): string | null => {
  if (!text) return null;
  const checked = checkSourceUrl(text);
  return 'url' in checked ? checked.url : null;
};

/** The host a reader lands on, as the address bar shows it in ASCII (an IDN as xn--…): beside 查看原文. */
export const hostOf = (url: string): string => new URL(url).host;
