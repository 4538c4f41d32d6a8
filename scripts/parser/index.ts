// The parser's public API, and all that code outside scripts/parser/ may import from it: one input file →
// one report in the data contract's shape, or why not (./parse.ts); the parser's version, which keys the parse
// cache (./version.ts); and the level an agency's name tells (./prose/metadata.ts). The rooms behind it, in
// the order a file goes through them: read/ (bytes → Document, per form), prose/ (title, agency, dates,
// sections, figures the prose restates), tables/ (which template, each row's printed cells), solve/
// (figures run together cut by the equations), checks/ (R1–R5, R13 and the parser's warnings).
export { parseBytes, parseFile, type ParseOutcome } from './parse.ts';
export { PARSER_VERSION } from './version.ts';
export { levelOf } from './prose/metadata.ts';
