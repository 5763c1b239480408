/**
 * Where a dragged element lands in a vertical list: before the first other
 * element (those carrying `data-<idAttribute>`) whose middle is below the
 * pointer, or at the end. The dragged element itself does not count.
 */
export function dropIndex(list: HTMLElement, idAttribute: 'cardId' | 'itemId', draggedId: string, clientY: number): number {
  const selector = idAttribute === 'cardId' ? '[data-card-id]' : '[data-item-id]';
  const others = [...list.querySelectorAll<HTMLElement>(selector)].filter((el) => el.dataset[idAttribute] !== draggedId);
  const below = others.findIndex((el) => {
    const box = el.getBoundingClientRect();
    return clientY < box.top + box.height / 2;
  });
  return below === -1 ? others.length : below;
}
