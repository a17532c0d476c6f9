// pdfmake 0.3 ships no type declarations; this is the part of its server API the exports use.
declare module 'pdfmake' {
  type OutputDocument = { getBuffer(): Promise<Buffer> };
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy(policy: (path: string) => boolean): void;
    addTableLayouts(layouts: Record<string, unknown>): void;
    createPdf(definition: Record<string, unknown>, options?: Record<string, unknown>): OutputDocument;
  };
  export default pdfmake;
}
