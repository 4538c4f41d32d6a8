// Colours of the charts. Twelve that stay apart with a dozen series: Okabe–Ito's eight (distinguishable with
// the common colour-vision deficiencies) without its yellow and black, then Paul Tol's muted scheme's darker
// six. Beyond twelve they repeat; legends, panel titles and data tables name every series in words.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#332288', '#882255', '#117733', '#999933', '#AA4499', '#44AA99'];

/** The colour of the n-th series (or agency). */
export const colourAt = (n: number) => PALETTE[n % PALETTE.length]!;
