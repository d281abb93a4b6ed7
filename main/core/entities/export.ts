/**
 * Entities as a spreadsheet: one row per mention (document, date and the
 * sentence it stands in) with the entity's type, aliases and the role
 * phrases that document gives it; an entity nobody mentions has one row of
 * its own. Pure code.
 */

import type { Entity, EntityDocument, EntityType } from '../../common/contract/entities';
import { csvTable } from '../text/csv';

const COLUMNS = ['Entity', 'Type', 'Aliases', 'Notes', 'Document', 'Date', 'Passage', 'Start', 'End', 'Roles in this document', 'Entity ID', 'Document ID'];

export interface EntityRows {
  entity: Entity;
  type: EntityType;
  documents: EntityDocument[];
}

export function entitiesCsv(list: readonly EntityRows[]): string {
  const rows = list.flatMap(({ entity, type, documents }) => {
    const own = [entity.name, type.name, entity.aliases.join('; '), entity.notes];
    if (documents.length === 0) return [[...own, '', '', '', '', '', '', entity.id, '']];
    return documents.flatMap((doc) =>
      doc.mentions.map((m) => [...own, doc.title, doc.date ?? '', m.sentence.text, String(m.start), String(m.end), doc.roles.join('; '), entity.id, doc.docId]),
    );
  });
  return csvTable([COLUMNS, ...rows]);
}
