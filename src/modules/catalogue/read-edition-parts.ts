/** Readers for each YAML file of an edition: untrusted parsed data in, typed catalogue items out (or problems). */
import type { FieldReader } from '../../platform/data/field-reader.js';
import type { PathSegment } from '../../platform/data/yaml-source.js';
import {
  actorKinds,
  audienceTags,
  editionStatuses,
  guidanceKinds,
  measureKinds,
  measureStatuses,
  type Actor,
  type BasicMeasures,
  type EditionInfo,
  type GuidanceRef,
  type Measure,
  type NationalArea,
  type SourceRef,
  type Strategy,
} from './types.js';

export function readSource(r: FieldReader, path: readonly PathSegment[]): SourceRef {
  r.object([...path, 'source']);
  return { file: r.string([...path, 'source', 'file']), section: r.string([...path, 'source', 'section']) };
}

function readDate(r: FieldReader, path: readonly PathSegment[]): string | null {
  const value = r.at(path);
  if (value === null || value === undefined) return null;
  const text = r.string(path);
  if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text))
    r.fail(path, `must be a date written "YYYY-MM-DD" in quotes; got "${text}"`);
  return text;
}

export function readEditionInfo(r: FieldReader): EditionInfo {
  return {
    id: r.string(['id']),
    title: r.string(['title']),
    status: r.oneOf(['status'], editionStatuses),
    publishedOn: readDate(r, ['publishedOn']),
    supersedes: r.optionalString(['supersedes']),
    remarks: r.list(['remarks'], { optional: true }).map((_, i) => ({
      text: r.string(['remarks', i, 'text']),
      source: readSource(r, ['remarks', i]),
    })),
    source: readSource(r, []),
  };
}

export function readStrategy(r: FieldReader): Strategy {
  const strategicAreas = r.list(['strategicAreas']).map((_, i) => {
    const at = ['strategicAreas', i];
    return {
      id: r.string([...at, 'id']),
      name: r.string([...at, 'name']),
      description: r.string([...at, 'description']),
      expectedEffects: r.stringList([...at, 'expectedEffects']),
      beneficiaries: r.string([...at, 'beneficiaries']),
      audiences: r
        .list([...at, 'audiences'], { optional: true })
        .map((_, j) => r.oneOf([...at, 'audiences', j], audienceTags)),
      source: readSource(r, at),
    };
  });
  r.uniqueIds(
    ['strategicAreas'],
    strategicAreas.map((a) => a.id),
  );
  const objectives = r.list(['objectives']).map((_, i) => ({
    id: r.string(['objectives', i, 'id']),
    text: r.string(['objectives', i, 'text']),
    source: readSource(r, ['objectives', i]),
  }));
  r.uniqueIds(
    ['objectives'],
    objectives.map((o) => o.id),
  );
  return {
    purpose: { text: r.string(['purpose', 'text']), source: readSource(r, ['purpose']) },
    objectives,
    strategicAreas,
  };
}

export function readAreas(r: FieldReader): NationalArea[] {
  const areas = r.list(['areas']).map((_, i) => ({
    id: r.string(['areas', i, 'id']),
    name: r.string(['areas', i, 'name']),
    goal: r.string(['areas', i, 'goal']),
    source: readSource(r, ['areas', i]),
  }));
  r.uniqueIds(
    ['areas'],
    areas.map((a) => a.id),
  );
  return areas;
}

export function readActors(r: FieldReader): Actor[] {
  const actors = r.list(['actors']).map((_, i) => ({
    id: r.string(['actors', i, 'id']),
    name: r.string(['actors', i, 'name']),
    shortName: r.string(['actors', i, 'shortName']),
    kind: r.oneOf(['actors', i, 'kind'], actorKinds),
    partOf: r.optionalString(['actors', i, 'partOf']),
    source: readSource(r, ['actors', i]),
  }));
  r.uniqueIds(
    ['actors'],
    actors.map((a) => a.id),
  );
  return actors;
}

export function readMeasures(r: FieldReader): Measure[] {
  const measures = r.list(['measures']).map((_, i): Measure => {
    const at = ['measures', i];
    const id = r.string([...at, 'id']);
    if (id && !/^\d+\.\d+$/.test(id)) r.fail([...at, 'id'], `must look like "1.7" (area.number, quoted); got "${id}"`);
    const status = r.at([...at, 'status']) === undefined ? 'active' : r.oneOf([...at, 'status'], measureStatuses);
    return {
      id,
      areaId: r.string([...at, 'area']),
      title: r.string([...at, 'title']),
      overviewTitle: r.optionalString([...at, 'overviewTitle']),
      kind: r.oneOf([...at, 'kind'], measureKinds),
      status,
      responsible: {
        text: r.string([...at, 'responsible', 'text']),
        status: r.oneOf([...at, 'responsible', 'status'], ['placed', 'unplaced'] as const),
        actorIds: r.stringList([...at, 'responsible', 'actors'], { optional: true }),
      },
      relevantFor: {
        text: r.string([...at, 'relevantFor', 'text']),
        audiences: r
          .list([...at, 'relevantFor', 'audiences'])
          .map((_, j) => r.oneOf([...at, 'relevantFor', 'audiences', j], audienceTags)),
        actorIds: r.stringList([...at, 'relevantFor', 'actors'], { optional: true }),
      },
      description: r.string([...at, 'description']),
      remark: r.optionalString([...at, 'remark']),
      source: readSource(r, at),
    };
  });
  r.uniqueIds(
    ['measures'],
    measures.map((m) => m.id),
  );
  return measures;
}

function readGuidance(r: FieldReader, path: readonly PathSegment[]): GuidanceRef[] {
  return r.list(path, { optional: true }).map((_, i) => {
    const at = [...path, i];
    return {
      kind: r.oneOf([...at, 'kind'], guidanceKinds),
      title: r.string([...at, 'title']),
      ref: r.optionalString([...at, 'ref']),
      number: r.optionalInteger([...at, 'number']),
      publisher: r.optionalString([...at, 'publisher']),
      audience: r.optionalString([...at, 'audience']),
    };
  });
}

export function readBasicMeasures(r: FieldReader): BasicMeasures {
  const basicMeasures = r.list(['basicMeasures']).map((_, i) => ({
    id: r.string(['basicMeasures', i, 'id']),
    number: r.integer(['basicMeasures', i, 'number']),
    title: r.string(['basicMeasures', i, 'title']),
    guidance: readGuidance(r, ['basicMeasures', i, 'guidance']),
    source: readSource(r, ['basicMeasures', i]),
  }));
  r.uniqueIds(
    ['basicMeasures'],
    basicMeasures.map((b) => b.id),
  );
  return {
    introduction: { text: r.string(['introduction', 'text']), source: readSource(r, ['introduction']) },
    generalGuidance: readGuidance(r, ['generalGuidance']),
    basicMeasures,
  };
}
