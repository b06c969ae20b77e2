/**
 * DrawingML chart parts for PlanChart: c:barChart (column/bar, clustered) or
 * c:lineChart; series marked asLine on a column chart become a c:lineChart on the
 * same axes (combo). Every reference carries a cache of the plan's values so a
 * viewer that does not recalculate still draws the chart.
 */
import type { PlanChart, PlanChartSeries } from '../../core/plan';
import { rangeCells, type RangeRef } from './a1';
import { absRef, type Grid } from './sheet';
import { argb } from './styles';
import { escAttr, escText } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Office default palette, used when a series has no colour. */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];
const CAT_AX = 500000001;
const VAL_AX = 500000002;

function rich(text: string, bold: boolean, size?: number): string {
  const sz = size ? ` sz="${size}"` : '';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="${bold ? 1 : 0}"${sz}/></a:pPr>` +
    `<a:r><a:rPr lang="ja-JP" b="${bold ? 1 : 0}"${sz}/><a:t>${escText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, bold: boolean, size?: number): string {
  return `<c:title>${rich(text, bold, size)}<c:overlay val="0"/></c:title>`;
}

function strCache(grid: Grid, r: RangeRef): string {
  const cells = rangeCells(r);
  const pts = cells
    .map((c, i) => {
      const v = grid.get(c.row, c.col)?.v;
      return v === null || v === undefined ? '' : `<c:pt idx="${i}"><c:v>${escText(String(v))}</c:v></c:pt>`;
    })
    .join('');
  return `<c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache>`;
}

function numCache(grid: Grid, r: RangeRef): string {
  const cells = rangeCells(r);
  const first = grid.get(cells[0].row, cells[0].col);
  const code = first?.f.numberFormat ?? 'General';
  const pts = cells
    .map((c, i) => {
      const v = grid.get(c.row, c.col)?.v;
      return typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '';
    })
    .join('');
  return `<c:numCache><c:formatCode>${escText(code)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
}

interface ChartContext {
  grid: Grid;
  sheetName: string;
}

function seriesXml(
  ctx: ChartContext,
  chart: PlanChart,
  s: PlanChartSeries,
  idx: number,
  asLine: boolean,
  isBarChart: boolean,
): string {
  const color = s.color ? argb(s.color).slice(2) : PALETTE[idx % PALETTE.length];
  const cat = ctx.grid.range(chart.categories);
  const val = ctx.grid.range(s.values);
  let x = `<c:ser><c:idx val="${idx}"/><c:order val="${idx}"/><c:tx><c:v>${escText(s.name)}</c:v></c:tx>`;
  if (asLine) {
    x += `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>`;
    x += '<c:marker><c:symbol val="none"/></c:marker>';
  } else {
    x += `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
    if (isBarChart) x += '<c:invertIfNegative val="0"/>';
  }
  x += `<c:cat><c:strRef><c:f>${escText(absRef(ctx.sheetName, cat))}</c:f>${strCache(ctx.grid, cat)}</c:strRef></c:cat>`;
  x += `<c:val><c:numRef><c:f>${escText(absRef(ctx.sheetName, val))}</c:f>${numCache(ctx.grid, val)}</c:numRef></c:val>`;
  if (asLine) x += '<c:smooth val="0"/>';
  return x + '</c:ser>';
}

/** Percent axis on request; otherwise the number format of the first value cell (e.g. #,##0). */
function valueAxisNumFmt(ctx: ChartContext, chart: PlanChart): string {
  if (chart.valueAxis?.percent) return '<c:numFmt formatCode="0%" sourceLinked="0"/>';
  const first = chart.series[0] && rangeCells(ctx.grid.range(chart.series[0].values))[0];
  const code = first && ctx.grid.get(first.row, first.col)?.f.numberFormat;
  return `<c:numFmt formatCode="${escAttr(code || 'General')}" sourceLinked="${code ? 1 : 0}"/>`;
}

export function chartXml(ctx: ChartContext, chart: PlanChart): string {
  const horizontal = chart.kind === 'bar';
  const indexed = chart.series.map((s, i) => ({ s, i }));
  // A line cannot share horizontal bars' axes: asLine is honoured on column charts only.
  const lineSeries = chart.kind === 'line' ? indexed : chart.kind === 'column' ? indexed.filter((x) => x.s.asLine) : [];
  const barSeries = chart.kind === 'line' ? [] : indexed.filter((x) => !lineSeries.includes(x));
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;

  let plot = '<c:plotArea><c:layout/>';
  if (barSeries.length) {
    plot +=
      `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      barSeries.map(({ s, i }) => seriesXml(ctx, chart, s, i, false, true)).join('') +
      `<c:gapWidth val="150"/>${axIds}</c:barChart>`;
  }
  if (lineSeries.length) {
    plot +=
      '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
      lineSeries.map(({ s, i }) => seriesXml(ctx, chart, s, i, true, false)).join('') +
      `<c:marker val="1"/>${axIds}</c:lineChart>`;
  }
  const va = chart.valueAxis ?? {};
  const scaling =
    '<c:scaling><c:orientation val="minMax"/>' +
    (va.max !== undefined && Number.isFinite(va.max) ? `<c:max val="${va.max}"/>` : '') +
    (va.min !== undefined && Number.isFinite(va.min) ? `<c:min val="${va.min}"/>` : '') +
    '</c:scaling>';
  const ticks = '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>';
  plot +=
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="1"/>${ticks}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  plot +=
    `<c:valAx><c:axId val="${VAL_AX}"/>${scaling}<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/><c:majorGridlines/>` +
    (va.title ? title(va.title, false, 1000) : '') +
    valueAxisNumFmt(ctx, chart) +
    ticks +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
  plot += '</c:plotArea>';

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title(chart.title, true, 1400)}<c:autoTitleDeleted val="0"/>${plot}` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** One drawing part holding a graphicFrame per chart; relIds[i] points at chart i. */
export function drawingXml(charts: PlanChart[], relIds: string[]): string {
  const anchors = charts.map((ch, i) => {
    const a = ch.anchor;
    const pos = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${pos('from', a.fromCol, a.fromRow)}${pos('to', a.toCol, a.toRow)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escAttr(`Hyoka ${ch.id}`)}" descr="${escAttr(ch.title)}"/>` +
      '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors.join('')}</xdr:wsDr>`
  );
}
