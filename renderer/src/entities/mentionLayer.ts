import type { Block, DocumentMentions, EntityType } from '../../../main/common/contract';
import type { BlockDecorations } from '../reader/decorations';
import { firstBlockEndingAfter, originalToClean } from '../reader/spans';

/** The data attributes a mention's runs carry: the entity's id, and the mention's place in the document's list, for clicks. */
export const ENTITY_ATTRIBUTE = 'data-entity';
export const MENTION_ATTRIBUTE = 'data-mention';

/**
 * The reader's mention layer: each mention underlined in its type's colour
 * (class `entity-type-<type>`), named on hover ("Person: Chen Zhongyue").
 * Mentions are found on original offsets and may cross a line break; each
 * block they touch gets its clean-offset pieces.
 */
export function mentionLayer(blocks: readonly Block[], found: DocumentMentions, types: readonly EntityType[]): BlockDecorations {
  const entities = new Map(found.entities.map((e) => [e.id, e]));
  const typeNames = new Map(types.map((t) => [t.id, t.name]));
  const layer: BlockDecorations = new Map();
  found.mentions.forEach((mention, index) => {
    const entity = entities.get(mention.entityId);
    if (!entity) return;
    const label = `${typeNames.get(entity.type) ?? entity.type}: ${entity.name}`;
    for (let i = firstBlockEndingAfter(blocks, mention.start); i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (block.start >= mention.end) break;
      for (const [from, to] of originalToClean(block, mention.start, mention.end)) {
        const list = layer.get(block.index) ?? [];
        list.push({ from, to, className: `entity-mention entity-type-${entity.type}`, label, data: { entity: entity.id, mention: String(index), announce: label } });
        layer.set(block.index, list);
      }
    }
  });
  return layer;
}
