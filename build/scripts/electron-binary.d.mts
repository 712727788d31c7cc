/** Types for electron-binary.mjs, so the TypeScript Playwright spec can import it. */
export declare const repoRoot: string;
export declare function findElectronBinary(root?: string): { path: string } | { path: null; reason: string };
export declare function electronVersion(root?: string): string;
