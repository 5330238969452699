import { describe, it, expect } from 'vitest';
import {
  colormapColor,
  colormapLut,
  colormapNames,
  isColormapName,
  rgbToCss,
  type RGB,
} from '../../src/scale/colormap.js';

// Every expected value below is a literal published by matplotlib (its source
// tables, or numbers matplotlib printed), or derived by hand from its source
// data. None is computed with the module under test.

/** Channel-wise toBeCloseTo; `digits` = 9 means |diff| < 5e-10. */
function expectRgb(actual: RGB, expected: readonly [number, number, number], digits = 9): void {
  expect(actual).toHaveLength(3);
  expected.forEach((v, c) => expect(actual[c]).toBeCloseTo(v, digits));
}

describe('listed colormaps (lib/matplotlib/_cm_listed.py), to 1e-9', () => {
  // First and last rows of the 256-row tables, as written in _cm_listed.py.
  const ends: Record<string, [number, number, number][]> = {
    viridis: [[0.267004, 0.004874, 0.329415], [0.993248, 0.906157, 0.143936]],
    plasma: [[0.050383, 0.029803, 0.527975], [0.940015, 0.975158, 0.131326]],
    inferno: [[0.001462, 0.000466, 0.013866], [0.988362, 0.998364, 0.644924]],
    magma: [[0.001462, 0.000466, 0.013866], [0.987053, 0.991438, 0.749504]],
    cividis: [[0.0, 0.135112, 0.304751], [0.995737, 0.909344, 0.217772]],
  };
  for (const [name, [first, last]] of Object.entries(ends)) {
    it(`${name}(0) is the first row and ${name}(1) the last`, () => {
      expectRgb(colormapColor(name, 0), first);
      expectRgb(colormapColor(name, 1), last);
    });
  }

  it('interior rows come straight from the table (viridis rows 1 and 128)', () => {
    // _viridis_data[1] and [128]; t = 1/256 and 0.5 land exactly on them.
    expectRgb(colormapColor('viridis', 1 / 256), [0.26851, 0.009605, 0.335427]);
    expectRgb(colormapColor('viridis', 0.5), [0.127568, 0.566949, 0.550556]);
  });

  it('hex endpoints match the widely published matplotlib values', () => {
    expect(rgbToCss(colormapColor('viridis', 0))).toBe('#440154');
    expect(rgbToCss(colormapColor('viridis', 1))).toBe('#fde725');
    expect(rgbToCss(colormapColor('plasma', 0))).toBe('#0d0887');
    expect(rgbToCss(colormapColor('plasma', 1))).toBe('#f0f921');
    expect(rgbToCss(colormapColor('inferno', 0))).toBe('#000004');
    expect(rgbToCss(colormapColor('inferno', 1))).toBe('#fcffa4');
    expect(rgbToCss(colormapColor('magma', 1))).toBe('#fcfdbf');
    expect(rgbToCss(colormapColor('cividis', 0))).toBe('#00224e');
    expect(rgbToCss(colormapColor('cividis', 1))).toBe('#fee838');
  });
});

describe('coolwarm (LinearSegmentedColormap from _coolwarm_data)', () => {
  it('endpoints are the first and last segment values, to 1e-9', () => {
    expectRgb(colormapColor('coolwarm', 0), [0.2298057, 0.298717966, 0.753683153]);
    expectRgb(colormapColor('coolwarm', 1), [0.705673158, 0.01555616, 0.150232812]);
  });

  it('coolwarm(0.5) is derived by hand from the segment data, to 1e-9', () => {
    // t = 0.5 -> LUT index floor(0.5 * 256) = 128. _create_lookup_table scales
    // the stops x = k/32 by N - 1 = 255, so they sit at 7.96875 * k. Grid point
    // 128 lies between k = 16 (x = 127.5) and k = 17 (x = 135.46875), at
    // distance (128 - 127.5) / 7.96875 = 16/255 along that segment. Each
    // channel is therefore y[16] + 16/255 * (y[17] - y[16]) with y from
    // _coolwarm_data (rows x = 0.5 and x = 0.53125):
    const d = 16 / 255;
    expectRgb(colormapColor('coolwarm', 0.5), [
      0.865395197 + d * (0.897787179 - 0.865395197), // red   = 0.8674276350...
      0.86541021 + d * (0.848937047 - 0.86541021), // green = 0.8643765997...
      0.865395561 + d * (0.820880546 - 0.865395561), // blue  = 0.8626024620...
    ]);
    expect(rgbToCss(colormapColor('coolwarm', 0.5))).toBe('#dddcdc');
  });

  it('coolwarm(0.4999) (index 127) is derived by hand, to 1e-9', () => {
    // Grid point 127 lies between k = 15 (x = 119.53125) and k = 16 (127.5):
    // distance (127 - 119.53125) / 7.96875 = 239/255.
    const d = 239 / 255;
    expectRgb(colormapColor('coolwarm', 0.4999), [
      0.833466556 + d * (0.865395197 - 0.833466556),
      0.860207984 + d * (0.86541021 - 0.860207984),
      0.901068838 + d * (0.865395561 - 0.901068838),
    ]);
  });

  it('LUT entries equal the values matplotlib prints, to 5e-16', () => {
    // matplotlib.cm.coolwarm(i / 256)[:3] as printed by matplotlib (repr).
    const printed: Record<number, [number, number, number]> = {
      1: [0.23437707945098038, 0.3055417303294118, 0.7596795275882353],
      25: [0.34832334141176474, 0.4657111465098039, 0.8883461629411764],
      76: [0.6193179451882354, 0.7441207347647059, 0.9989309188196078],
      127: [0.863391831290196, 0.8650837958196078, 0.8676338842627451],
      128: [0.8674276350862745, 0.864376599772549, 0.8626024620196079],
      179: [0.9684997476666667, 0.673977379772549, 0.5566492560470588],
      230: [0.8393649370784314, 0.32185622094117644, 0.26492398098039216],
    };
    for (const [i, rgb] of Object.entries(printed)) {
      expectRgb(colormapColor('coolwarm', Number(i) / 256), rgb, 15);
    }
  });
});

describe('RdBu (LinearSegmentedColormap.from_list of _RdBu_data)', () => {
  it('matches matplotlib ScalarMappable.to_rgba at 0, 0.25, 0.5, 0.75, 1, to 5e-16', () => {
    // matplotlib's output for cmap='RdBu', Normalize(0, 1), a = 0:0.25:1, as
    // printed by matplotlib and quoted in PyPlot.jl's test suite.
    const printed: [number, [number, number, number]][] = [
      [0, [0.403921568627451, 0.0, 0.12156862745098039]],
      [0.25, [0.8991926182237601, 0.5144175317185697, 0.4079200307574009]],
      [0.5, [0.9657054978854287, 0.9672433679354094, 0.9680891964628989]],
      [0.75, [0.4085351787773935, 0.6687427912341408, 0.8145328719723184]],
      [1, [0.0196078431372549, 0.18823529411764706, 0.3803921568627451]],
    ];
    for (const [t, rgb] of printed) expectRgb(colormapColor('RdBu', t), rgb, 15);
  });

  it('RdBu(0.5) is derived by hand from the 11 evenly spaced colours, to 1e-9', () => {
    // Stops at linspace(0, 1, 11) * 255 = 25.5 * k; index 128 lies between
    // k = 5 (127.5, #f7f7f7) and k = 6 (153), at distance 0.5 / 25.5 = 1/51.
    const d = 1 / 51;
    const c5 = 0.96862745098039216;
    expectRgb(colormapColor('RdBu', 0.5), [
      c5 + d * (0.81960784313725488 - c5),
      c5 + d * (0.89803921568627454 - c5),
      c5 + d * (0.94117647058823528 - c5),
    ]);
  });

  it('hex ends are ColorBrewer RdBu #67001f and #053061', () => {
    expect(rgbToCss(colormapColor('RdBu', 0))).toBe('#67001f');
    expect(rgbToCss(colormapColor('RdBu', 1))).toBe('#053061');
  });
});

describe('_r (reversed) colormaps', () => {
  it('listed: viridis_r runs the table backwards, to 1e-9', () => {
    expectRgb(colormapColor('viridis_r', 0), [0.993248, 0.906157, 0.143936]);
    expectRgb(colormapColor('viridis_r', 1), [0.267004, 0.004874, 0.329415]);
    // _r index 254 is row 1 of _viridis_data.
    expectRgb(colormapColor('viridis_r', 254 / 256), [0.26851, 0.009605, 0.335427]);
  });

  it('segmented: coolwarm_r swaps the ends and mirrors the middle, to 1e-9', () => {
    expectRgb(colormapColor('coolwarm_r', 0), [0.705673158, 0.01555616, 0.150232812]);
    expectRgb(colormapColor('coolwarm_r', 1), [0.2298057, 0.298717966, 0.753683153]);
    // _r index 128 is forward index 255 - 128 = 127 (matplotlib prints it).
    expectRgb(colormapColor('coolwarm_r', 0.5), [0.863391831290196, 0.8650837958196078, 0.8676338842627451]);
  });

  it('from_list: RdBu_r ends and centre, to 1e-9', () => {
    expectRgb(colormapColor('RdBu_r', 0), [0.0196078431372549, 0.18823529411764706, 0.3803921568627451]);
    expectRgb(colormapColor('RdBu_r', 1), [0.403921568627451, 0.0, 0.12156862745098039]);
    // _r index 128 is forward index 127 (matplotlib prints it).
    expectRgb(colormapColor('RdBu_r', 0.5), [0.9690888119953864, 0.9664744329104191, 0.9649365628604383]);
    // _r index 64 is forward index 191: between k = 7 (178.5) and k = 8 (204),
    // distance (191 - 178.5) / 25.5 = 25/51 (derived by hand).
    const d = 25 / 51;
    expectRgb(colormapColor('RdBu_r', 0.25), [
      0.5725490196078431 + d * (0.2627450980392157 - 0.5725490196078431),
      0.77254901960784317 + d * (0.57647058823529407 - 0.77254901960784317),
      0.87058823529411766 + d * (0.76470588235294112 - 0.87058823529411766),
    ]);
  });

  it('every _r LUT is its forward LUT reversed, to 1e-15', () => {
    for (const name of colormapNames.filter((n) => !n.endsWith('_r'))) {
      const fwd = colormapLut(name);
      const rev = colormapLut(`${name}_r`);
      for (let i = 0; i < 256; i++) {
        for (let c = 0; c < 3; c++) {
          expect(Math.abs(rev[3 * i + c] - fwd[3 * (255 - i) + c])).toBeLessThan(1e-15);
        }
      }
    }
  });
});

describe('colormapColor index selection (matplotlib Colormap.__call__), to 1e-9', () => {
  const first: [number, number, number] = [0.267004, 0.004874, 0.329415];
  const second: [number, number, number] = [0.26851, 0.009605, 0.335427];
  const last: [number, number, number] = [0.993248, 0.906157, 0.143936];

  it('clips t below 0 to index 0 and t >= 1 to index 255', () => {
    expectRgb(colormapColor('viridis', -1), first);
    expectRgb(colormapColor('viridis', -1e-9), first);
    expectRgb(colormapColor('viridis', -Infinity), first);
    expectRgb(colormapColor('viridis', 2), last);
    expectRgb(colormapColor('viridis', 1), last);
    expectRgb(colormapColor('viridis', Infinity), last);
  });

  it('maps NaN to index 0 (matplotlib would return the transparent "bad" colour)', () => {
    expectRgb(colormapColor('viridis', Number.NaN), first);
    expectRgb(colormapColor('coolwarm', Number.NaN), [0.2298057, 0.298717966, 0.753683153]);
  });

  it('takes floor(t * 256) inside [0, 1)', () => {
    expectRgb(colormapColor('viridis', 0.999999), last);
    expectRgb(colormapColor('viridis', 1 / 256 - 1e-12), first);
    expectRgb(colormapColor('viridis', 1 / 256), second);
    expectRgb(colormapColor('viridis', 2 / 256 - 1e-12), second);
  });
});

describe('rgbToCss (matplotlib to_hex)', () => {
  it("formats '#rrggbb' in lower case with zero padding", () => {
    expect(rgbToCss([0, 0, 0])).toBe('#000000');
    expect(rgbToCss([1, 1, 1])).toBe('#ffffff');
    expect(rgbToCss([10 / 255, 171 / 255, 205 / 255])).toBe('#0aabcd');
  });

  it('rounds c * 255 to nearest, halves to even like Python round()', () => {
    // 0.5 * 255 = 127.5 -> 128 (even); (126.5/255) * 255 = 126.5 -> 126 (even).
    expect(rgbToCss([0.5, 126.5 / 255, 0.0019])).toBe('#807e00');
    expect(rgbToCss([0.0021, 1, 1])).toBe('#01ffff');
  });

  it('rejects channels outside 0..1 and NaN', () => {
    expect(() => rgbToCss([1.01, 0, 0])).toThrow(RangeError);
    expect(() => rgbToCss([0, -0.1, 0])).toThrow(RangeError);
    expect(() => rgbToCss([0, 0, Number.NaN])).toThrow(RangeError);
  });
});

describe('names and LUTs', () => {
  it('lists every base name and its _r form', () => {
    const bases = ['viridis', 'plasma', 'inferno', 'magma', 'cividis', 'coolwarm', 'RdBu'];
    expect([...colormapNames].sort()).toEqual([...bases, ...bases.map((b) => `${b}_r`)].sort());
  });

  it('isColormapName accepts exactly those names', () => {
    expect(isColormapName('viridis')).toBe(true);
    expect(isColormapName('RdBu_r')).toBe(true);
    expect(isColormapName('rdbu')).toBe(false);
    expect(isColormapName('jet')).toBe(false);
    expect(isColormapName('viridis_r_r')).toBe(false);
    expect(isColormapName('toString')).toBe(false);
  });

  it('throws "unknown colormap: <name>" for anything else', () => {
    expect(() => colormapLut('jet')).toThrow(new Error('unknown colormap: jet'));
    expect(() => colormapColor('viridis_r_r', 0.5)).toThrow('unknown colormap: viridis_r_r');
    expect(() => colormapLut('constructor')).toThrow('unknown colormap: constructor');
  });

  it('colormapLut is 256 * 3 floats in 0..1, cached per name', () => {
    for (const name of colormapNames) {
      const lut = colormapLut(name);
      expect(lut).toBeInstanceOf(Float64Array);
      expect(lut).toHaveLength(768);
      expect(lut.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(colormapLut(name)).toBe(lut);
    }
  });
});
