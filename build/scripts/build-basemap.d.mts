/** Types for build-basemap.mjs, so TypeScript tests can import it. */
export declare const repoRoot: string;
export declare const DEFAULT_OUT_DIR: string;
export declare const FONT_STACK: string;
export interface BasemapBuild {
  outDir: string;
  files: { name: string; bytes: number }[];
  totalBytes: number;
  missingRanges: string[];
  /** Glyph ranges packed into basemap.pack, e.g. '0-255'. */
  glyphRanges: string[];
  /** Tiles in basemap.pack, and how many different ones are stored. */
  tiles: { count: number; stored: number };
  governorates: { SY: number; IQ: number };
  places: { places: number; syria: number; iraq: number; withArabic: number; aliasesLinked: number; aliasesOwn: number };
}
export declare function buildBasemap(opts?: { outDir?: string }): BasemapBuild;
