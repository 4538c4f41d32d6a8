// Text bound for XML (the RSS feeds): XML 1.0 forbids most control characters (U+0001, U+0008, U+001B …),
// U+FFFE, U+FFFF and unpaired surrogates anywhere in a document, even escaped, and one of them in an
// agency's name made every feed listing it unreadable. They carry nothing a reader could see, so they go;
// so do the C1 controls and DEL, which XML 1.0 allows but discourages.
const NOT_XML = /[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

export const xmlText = (text: string): string => text.replace(NOT_XML, '');
