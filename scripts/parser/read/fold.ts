/**
 * Full-width ASCII (（）０-９，：) to half width and odd spaces to spaces, one character for one, so
 * positions in the folded text are positions in the original.
 */
export const fold = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[\u00a0\u3000\u2002-\u200b]/g, ' ');
