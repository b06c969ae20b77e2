/** Empty model objects that a reader fills in: one place for their defaults. */
import type { Indicator, Measure, PolicyField, Project, SourceRef } from '../../model';

/** A project with nothing read yet: the list, a block, a sheet or a table row fills it in. */
export function emptyProject(no: number, name: string, source: SourceRef, financeUnit: string): Project {
  return {
    no,
    projectId: null,
    code: null,
    basicProject: null,
    name,
    listName: null,
    department: '',
    legalBasis: '',
    nextYearPolicy: '',
    flags: { logicModel: false, priority: false, populationDecline: null },
    sdgs: [],
    overview: '',
    finance: [],
    financeUnit,
    progress: '',
    logicModel: null,
    outcomes: [],
    verification: '',
    textTargets: [],
    indicators: [],
    sheetGrades: [],
    hasDetail: false,
    inList: false,
    source,
    listSource: null,
  };
}

export function emptyMeasure(no: number, name: string, source: SourceRef): Measure {
  return { no, code: null, name, content: '', evaluation: null, indicators: [], sheetGrades: [], projects: [], source };
}

export function emptyField(id: string | null, name: string, sheet: string, source: SourceRef, moneyUnit = '千円'): PolicyField {
  return {
    id,
    name,
    sheet,
    goal: '',
    policy: '',
    vision: '',
    asOf: null,
    moneyUnit,
    indicators: [],
    measures: [],
    relatedProjects: [],
    finalEvaluation: '',
    source,
  };
}

/** An indicator with its head read and no years yet. */
export function emptyIndicator(no: number, kind: Indicator['kind'], name: string, unit: string, source: SourceRef): Indicator {
  return {
    no,
    kind,
    name,
    unit,
    definition: '',
    direction: null,
    directionInfo: null,
    formula: null,
    cumulative: /累計|累積/.test(name),
    baseline: null,
    baselineYear: null,
    finalTarget: null,
    finalTargetYear: null,
    finalTargetSource: null,
    verification: '',
    verificationSource: null,
    years: [],
    trajectory: null,
    grade: null,
    source,
  };
}
