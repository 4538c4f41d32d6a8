// svgcanvas ships no types: the two classes src/client/chart-export.ts uses.
declare module 'svgcanvas' {
  /** A mock <canvas> whose 2D context records its drawing as SVG. */
  export class Element {
    constructor(options: { width: number; height: number; document?: Document });
    ctx: Context;
    getContext(type: '2d'): Context;
  }
  export class Context {
    constructor(width: number, height: number);
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
