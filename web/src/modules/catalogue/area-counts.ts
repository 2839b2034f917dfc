/** Measures per area, split into existing and new: the numbers behind the areas chart and its table. */
import type { AreaView, MeasureView } from './catalogue-api.js';

export interface AreaCount {
  readonly id: string;
  readonly name: string;
  readonly existing: number;
  readonly new: number;
}

export function countMeasuresByArea(areas: readonly AreaView[], measures: readonly MeasureView[]): AreaCount[] {
  return areas.map((area) => {
    const inArea = measures.filter((m) => m.area.id === area.id);
    return {
      id: area.id,
      name: area.name,
      existing: inArea.filter((m) => m.kind === 'existing').length,
      new: inArea.filter((m) => m.kind === 'new').length,
    };
  });
}
