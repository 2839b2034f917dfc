/**
 * Field readers specific to CISO Assistant files: text with `translations`, and one requirement mapping.
 */
import type { LibraryDraft } from './check-library.js';
import { compact, type FieldReader } from './field-reader.js';
import { languagePattern, nodeIdFromCisoUrn } from './ids.js';
import { rationaleTypes, relationships, type LocalizedText, type RationaleType, type Relationship } from './types.js';
import type { Path } from './yaml-source.js';

/** A CISO text field in the library's locale plus its `translations.<lang>.<field>` entries. */
export function localized(
  read: FieldReader,
  owner: Record<string, unknown>,
  ownerPath: Path,
  field: string,
  language: string,
): LocalizedText | undefined {
  const main = read.text(owner[field], [...ownerPath, field]);
  const out: Record<string, string> = {};
  const translations =
    owner.translations === undefined ? undefined : read.map(owner.translations, [...ownerPath, 'translations']);
  for (const [lang, entry] of Object.entries(translations ?? {})) {
    const path = [...ownerPath, 'translations', lang];
    if (!languagePattern.test(lang)) {
      read.problem(path, `"${lang}" is not a language code`);
      continue;
    }
    const fields = read.map(entry, path);
    const text = fields && read.text(fields[field], [...path, field]);
    if (text !== undefined && text !== '' && lang !== language) out[lang] = text;
  }
  if (main === undefined || main === '') {
    if (Object.keys(out).length > 0)
      read.problem([...ownerPath, field], `has translations but no text in the library's locale "${language}"`);
    return undefined;
  }
  return { [language]: main, ...out };
}

export function readMapping(
  read: FieldReader,
  entry: unknown,
  path: Path,
): LibraryDraft['mappingSets'][number]['mappings'][number] {
  const mapping = read.map(entry, path) ?? {};
  const nodeOf = (key: string): string | undefined => {
    const urn = read.text(mapping[key], [...path, key], { required: true });
    const parsed = urn === undefined ? undefined : nodeIdFromCisoUrn(urn);
    if (urn !== undefined && parsed === undefined)
      read.problem([...path, key], `"${urn}" is not a requirement node URN`);
    return parsed?.nodeId;
  };
  const rationale = read.text(mapping.rationale, [...path, 'rationale'], { maxLength: 2000 });
  const annotation = read.text(mapping.annotation, [...path, 'annotation'], { maxLength: 2000 });
  const typed = rationale !== undefined && (rationaleTypes as readonly string[]).includes(rationale);
  return compact({
    source: nodeOf('source_requirement_urn'),
    target: nodeOf('target_requirement_urn'),
    relationship: read.text(mapping.relationship, [...path, 'relationship'], {
      required: true,
      oneOf: relationships,
    }) as Relationship | undefined,
    // CISO's `rationale` is a type (semantic, ...); the free-text reason lives in `annotation`. Older files put
    // free text in `rationale`; keep it as the reason then.
    rationale:
      annotation !== undefined && annotation !== '' ? annotation : !typed && rationale !== '' ? rationale : undefined,
    rationaleType: typed ? (rationale as RationaleType) : undefined,
    strength: read.integer(mapping.strength_of_relationship, [...path, 'strength_of_relationship'], {
      min: 0,
      max: 10,
    }),
  });
}
