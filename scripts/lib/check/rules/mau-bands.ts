import type { Segment } from '../../load/pointer.js';
import type { Band } from '../../figures/price-book.js';
import { defineRule, type Place } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'mau-bands',
    severity: 'error',
    description:
      "Bands of monthly active users (a price book's mau_bands, a metered fee's bands) go in increasing up_to; " +
      'only the last has none.',
    messages: {
      notIncreasing: {
        text: 'this band ends at {{upTo}} users, not above the band before it ({{previous}})',
        hint: 'list the bands in increasing up_to, each ending above the one before',
      },
      openNotLast: {
        text: 'only the last band may leave out up_to (it prices everyone above); this is band {{n}} of {{count}}',
        hint: 'give this band an up_to, or move it to the end',
      },
      lastBounded: {
        text: 'the last band ends at {{upTo}} users: users above it would have no price',
        hint: 'remove up_to from the last band, or add a last band without one, e.g. { price: 0 }',
      },
    },
  },
  create({ report }) {
    const check = (at: Place, path: Segment[], bands: readonly Band[]) => {
      let previous = 0;
      bands.forEach((band, i) => {
        const last = i === bands.length - 1;
        if (band.up_to === undefined) {
          if (!last)
            report({ at, path: [...path, i], messageId: 'openNotLast', data: { n: i + 1, count: bands.length } });
          return;
        }
        if (band.up_to <= previous)
          report({ at, path: [...path, i, 'up_to'], messageId: 'notIncreasing', data: { upTo: band.up_to, previous } });
        else previous = band.up_to;
        if (last) report({ at, path: [...path, i, 'up_to'], messageId: 'lastBounded', data: { upTo: band.up_to } });
      });
    };
    return {
      priceBook(b) {
        check(b, ['mau_bands'], b.value.mau_bands);
      },
      contract(c) {
        c.value.fees.forEach((f, i) => {
          if (f.bands) check(c, ['fees', i, 'bands'], f.bands);
        });
      },
    };
  },
});
