/**
 * The error function erf and its complement erfc, for GELU (Φ(a) = erfc(-a/√2) / 2).
 *
 * JavaScript has no Math.erf. This is SunPro's fdlibm s_erf.c (the algorithm FreeBSD, musl, glibc's
 * generic code and @stdlib use), translated line for line: rational approximations on [0, 0.84375),
 * [0.84375, 1.25), [1.25, 1/0.35) and [1/0.35, 28), with errors below 2^-57 in each approximant and
 * results within 1 ulp. The npm packages that ship it pull in over a hundred modules for these two
 * functions, so the hundred lines live here instead. Tested against 60-digit reference values in
 * test/core/activation-values.test.ts.
 *
 * Origin of the algorithm and coefficients (the notice the original asks to keep):
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 *   Developed at SunPro, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this
 *   software is freely granted, provided that this notice
 *   is preserved.
 */

const ERX = 8.45062911510467529297e-1; // erf(1) rounded to single precision
const EFX = 1.28379167095512586316e-1; // 2/√π − 1

// erf(x) = x + x·P(x²)/Q(x²) on |x| < 0.84375
const PP0 = 1.28379167095512558561e-1;
const PP1 = -3.250421072470015e-1;
const PP2 = -2.848174957559851e-2;
const PP3 = -5.770270296489442e-3;
const PP4 = -2.3763016656650163e-5;
const QQ1 = 3.9791722395915535e-1;
const QQ2 = 6.50222499887673e-2;
const QQ3 = 5.081306281875766e-3;
const QQ4 = 1.3249473800432164e-4;
const QQ5 = -3.960228278775368e-6;

// erf(1 + s) = ERX + P(s)/Q(s) on 0.84375 <= |x| < 1.25
const PA0 = -2.36211856075265944077e-3;
const PA1 = 4.1485611868374833e-1;
const PA2 = -3.722078760357013e-1;
const PA3 = 3.1834661990116175e-1;
const PA4 = -1.1089469428239668e-1;
const PA5 = 3.5478304325618236e-2;
const PA6 = -2.166375594868791e-3;
const QA1 = 1.0642088040084423e-1;
const QA2 = 5.40397917702171e-1;
const QA3 = 7.182865441419627e-2;
const QA4 = 1.2617121980876164e-1;
const QA5 = 1.363708391202905e-2;
const QA6 = 1.1984499846799107e-2;

// erfc(x) = exp(−x² − 0.5625 + R(1/x²)/S(1/x²)) / x on 1.25 <= |x| < 1/0.35
const RA0 = -9.86494403484714822705e-3;
const RA1 = -6.938585727071818e-1;
const RA2 = -1.0558626225323291e1;
const RA3 = -6.2375332450326006e1;
const RA4 = -1.6239666946257347e2;
const RA5 = -1.8460509290671104e2;
const RA6 = -8.12874355063066e1;
const RA7 = -9.814329344169145;
const SA1 = 1.9651271667439257e1;
const SA2 = 1.3765775414351904e2;
const SA3 = 4.3456587747522923e2;
const SA4 = 6.453872717332679e2;
const SA5 = 4.2900814002756783e2;
const SA6 = 1.0863500554177944e2;
const SA7 = 6.570249770319282;
const SA8 = -6.04244152148581e-2;

// the same on 1/0.35 <= |x| < 28
const RB0 = -9.86494292470009928597e-3;
const RB1 = -7.99283237680523e-1;
const RB2 = -1.7757954917754752e1;
const RB3 = -1.6063638485582192e2;
const RB4 = -6.375664433683896e2;
const RB5 = -1.0250951316110772e3;
const RB6 = -4.835191916086514e2;
const SB1 = 3.033806074348246e1;
const SB2 = 3.257925129965739e2;
const SB3 = 1.536729586084437e3;
const SB4 = 3.1998582195085955e3;
const SB5 = 2.5530504064331644e3;
const SB6 = 4.7452854120695537e2;
const SB7 = -2.244095244658582e1;

const WORD = new Float64Array(1);
const HALVES = new Uint32Array(WORD.buffer);
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1; // little-endian: low word first

/** x with the low 32 bits of its significand cleared, so z·z below is exact (fdlibm's SET_LOW_WORD(z, 0)). */
function truncated(x: number): number {
  WORD[0] = x;
  HALVES[LOW] = 0;
  return WORD[0];
}

/** exp(−x² − 0.5625 + R/S) / x for x >= 1.25, with −x² split so it keeps full precision. */
function tail(ax: number): number {
  const s = 1 / (ax * ax);
  let r: number;
  let q: number;
  if (ax < 1 / 0.35) {
    r = RA0 + s * (RA1 + s * (RA2 + s * (RA3 + s * (RA4 + s * (RA5 + s * (RA6 + s * RA7))))));
    q = 1 + s * (SA1 + s * (SA2 + s * (SA3 + s * (SA4 + s * (SA5 + s * (SA6 + s * (SA7 + s * SA8)))))));
  } else {
    r = RB0 + s * (RB1 + s * (RB2 + s * (RB3 + s * (RB4 + s * (RB5 + s * RB6)))));
    q = 1 + s * (SB1 + s * (SB2 + s * (SB3 + s * (SB4 + s * (SB5 + s * (SB6 + s * SB7))))));
  }
  const z = truncated(ax);
  return (Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / q)) / ax;
}

/** erf(x) = 2/√π ∫₀ˣ e^(−t²) dt. erf(±0) = ±0, erf(±∞) = ±1, erf(NaN) = NaN. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return x + EFX * x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    return x + x * (r / s);
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? ERX + p / q : -ERX - p / q;
  }
  if (ax >= 6) return x > 0 ? 1 : -1; // 1 − erf(6) < 2^-53
  const r = tail(ax);
  return x >= 0 ? 1 - r : r - 1;
}

/** erfc(x) = 1 − erf(x), without the cancellation: accurate (relative) far into the right tail. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const z = x * x;
    const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
    const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
    const y = r / s;
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const s = ax - 1;
    const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
    const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
    return x >= 0 ? 1 - ERX - p / q : 1 + ERX + p / q;
  }
  if (ax < 28) {
    if (x < -6) return 2; // erfc(−6) = 2 − 2.2e-17, which rounds to 2
    const r = tail(ax);
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2; // erfc(28) ≈ 6e-343 underflows
}
