/** Number formats, colours and cell styles of the summary sheets. */
import type { PlanStyle } from '../plan';

export const FMT_PERCENT = '0.0%';
export const FMT_MONEY = '#,##0';
export const FMT_MONEY_SIGNED = '+#,##0;-#,##0;0';
export const FMT_PERCENT_SIGNED = '+0.0%;-0.0%;0.0%';

export const GREEN = { fill: '#C6EFCE', fontColor: '#006100' } as const;
export const RED = { fill: '#FFC7CE', fontColor: '#9C0006' } as const;
export const AMBER = { fill: '#FFEB9C', fontColor: '#9C5700' } as const;
export const BLUE = { fill: '#DDEBF7', fontColor: '#1F4E78' } as const;
export const TITLE_STYLE: PlanStyle = { bold: true, fontSize: 14 };
export const NOTE_STYLE: PlanStyle = { italic: true, fontColor: '#595959' };
export const SUBTOTAL_STYLE: PlanStyle = { bold: true, fill: '#F2F2F2' };
export const TOTAL_STYLE: PlanStyle = { bold: true, fill: '#D9E1F2' };
export const SECTION_STYLE: PlanStyle = { bold: true, fill: '#D9E1F2' };

export const CHART_COLORS = {
  rate: '#4472C4',
  hundred: '#C00000',
  target: '#A5A5A5',
  actual: '#4472C4',
  years: ['#4472C4', '#ED7D31', '#70AD47', '#FFC000', '#7030A0'],
};

