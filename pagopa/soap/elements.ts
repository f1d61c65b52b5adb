import type { MapEntry, Subject } from './messages';
import { group, leaf, list, type Xml } from './xml';

/**
 * Writers of the paForNode types that requests and responses share (ctSubject, ctMetadata), in
 * the XSD's element order. The subject's identifier type is any text here: the simulator also
 * writes what it was given, right or wrong, to see what the station makes of it.
 */
export type WrittenSubject = Omit<Subject, 'uniqueIdentifier'> & {
  uniqueIdentifier: { entityUniqueIdentifierType: string; entityUniqueIdentifierValue: string };
};

export function subjectElement(name: string, s: WrittenSubject): Xml {
  return group(name, [
    group('uniqueIdentifier', [
      leaf('entityUniqueIdentifierType', s.uniqueIdentifier.entityUniqueIdentifierType),
      leaf('entityUniqueIdentifierValue', s.uniqueIdentifier.entityUniqueIdentifierValue),
    ]),
    leaf('fullName', s.fullName),
    leaf('streetName', s.streetName),
    leaf('civicNumber', s.civicNumber),
    leaf('postalCode', s.postalCode),
    leaf('city', s.city),
    leaf('stateProvinceRegion', s.stateProvinceRegion),
    leaf('country', s.country),
    leaf('e-mail', s.email),
  ]);
}

/** ctMetadata, or nothing when there are no entries (the XSD wants at least one). */
export function metadataElement(entries: MapEntry[] | undefined): Xml {
  return group(
    'metadata',
    entries?.length ? [list(entries, (e) => group('mapEntry', [leaf('key', e.key), leaf('value', e.value)]))] : undefined,
  );
}
