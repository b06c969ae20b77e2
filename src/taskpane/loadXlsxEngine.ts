/** The lazy chunk with the .xlsx reader and applier (browser mode only, on the page or in its worker). */
export const loadXlsxEngine = () => import(/* webpackChunkName: "xlsx-engine" */ "./xlsxEngine");

export type XlsxEngine = Awaited<ReturnType<typeof loadXlsxEngine>>;
