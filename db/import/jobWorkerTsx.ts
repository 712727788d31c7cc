/** Where an import job's worker starts when Casefile runs from its TypeScript sources (tsx). */
export const TSX_IMPORT_WORKER = new URL('./jobWorkerBoot.mjs', import.meta.url);
