/**
 * The figure memo: a month figure, and a partner's or contract's figure of a month, are computed once per context
 * and kept, an undefined answer included (found again, never recomputed).
 */
import { describe, expect, it } from 'vitest';
import { memoizedFor, memoizedMonth, type FigureContext } from '../scripts/lib/figures/context.js';

const context = () => ({ memo: new Map<string, unknown>() }) as unknown as FigureContext;

describe('memoizedMonth and memoizedFor', () => {
  it('compute each month, and each owner of a month, once', () => {
    const ctx = context();
    const a = {};
    const b = {};
    let calls = 0;
    const count = (v: number) => () => (calls++, v);
    expect(memoizedFor(ctx, 'x', '2026-01', a, count(1))).toBe(1);
    expect(memoizedFor(ctx, 'x', '2026-01', a, count(9))).toBe(1);
    expect(memoizedFor(ctx, 'x', '2026-01', b, count(2))).toBe(2);
    expect(memoizedFor(ctx, 'x', '2026-02', a, count(3))).toBe(3);
    expect(memoizedFor(ctx, 'y', '2026-01', a, count(4))).toBe(4);
    expect(memoizedMonth(ctx, 'z', '2026-01', count(5))).toBe(5);
    expect(memoizedMonth(ctx, 'z', '2026-01', count(9))).toBe(5);
    expect(calls).toBe(5);
  });

  it('keep an undefined answer', () => {
    const ctx = context();
    const owner = {};
    let calls = 0;
    const none = () => (calls++, undefined);
    memoizedFor(ctx, 'x', '2026-01', owner, none);
    expect(memoizedFor(ctx, 'x', '2026-01', owner, none)).toBeUndefined();
    memoizedMonth(ctx, 'z', '2026-01', none);
    expect(memoizedMonth(ctx, 'z', '2026-01', none)).toBeUndefined();
    expect(calls).toBe(2);
  });
});
