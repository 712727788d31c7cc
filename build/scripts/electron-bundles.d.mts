/** Types for electron-bundles.mjs. */
import type { BuildOptions } from 'esbuild';
export declare function bundleOptions(root?: string): { main: BuildOptions; preload: BuildOptions; importWorker: BuildOptions };
export declare function foreignRequires(code: string): string[];
