/**
 * The sentences of a description, in English and in Japanese. Describers work out the facts (what
 * is plotted, numbers, places); these functions only put them into words, so both languages say
 * exactly the same things.
 */
import type { Lang } from '../model/figure.js';
import type { Place } from './surface-facts.js';

/** Which side of the line a·x + b = 0 lies where a < 0 (and the other where a > 0). */
export type Side = 'below' | 'above' | 'left' | 'right';

export type PieceWords =
  | { kind: 'constant'; value: string; from: string; to: string }
  | { kind: 'rising' | 'falling'; start: string; end: string; from: string; to: string; straight: boolean }
  | { kind: 'turn'; start: string; end: string; from: string; to: string; turn: 'minimum' | 'maximum'; at: string; value: string }
  | { kind: 'varying'; min: string; max: string; from: string; to: string };

export interface RegionWords {
  share: string;
  centre: string;
  place: Place;
}

export interface Words {
  lang: Lang;
  /** Sentences joined, each ending with a full stop. */
  sentences(parts: readonly string[]): string;
  titled(title: string, body: string): string;
  /** "head: body" */
  join(head: string, body: string): string;
  quote(text: string): string;
  point(x: string, y: string): string;
  list(items: readonly string[]): string;
  lineGraph(curves: number, what: string, symbol: string, from: string, to: string): string;
  series(label: string, expr: string, pieces: PieceWords[], symbol: string, kinks: string[], jumps: { at: string; left: string; right: string; value: string | null }[], undefinedAt: string[]): string;
  contour(what: string, xs: string, ys: string, xFrom: string, xTo: string, yFrom: string, yTo: string): string;
  /**
   * "a 2-16-16-1 network (tanh, ReLU, sigmoid)": the maths, not the file it came from, so the same
   * weights read from ONNX or safetensors give the same text (and the same bytes).
   */
  network(sizes: string, activations: string): string;
  /** "the output of NET", or "output 1 of NET" for a network of several outputs. */
  outputOf(network: string, output: number | null): string;
  neuronOutput(neuron: number, layer: number, network: string): string;
  classProbability(index: number, network: string): string;
  /** A one-layer network is a perceptron: its expression, and where it comes from. */
  perceptronFrom(expr: string, network: string): string;
  /** Both sides of the line flat: "0 below the line x1 + 2x2 = 5 and 1 above it". */
  twoFlats(neg: string, pos: string, negSide: Side, line: string, onLine: string | null): string;
  /** One side flat, the other rising or falling away from the line to its extreme. */
  flatThenRamp(flat: string, flatSide: Side, line: string, rising: boolean, extreme: string, at: string): string;
  /** Rising across the plane from its minimum to its maximum, `onLine` on the line a = 0. */
  ramp(min: string, minAt: string, max: string, maxAt: string, monotone: boolean, line: string | null, onLine: string | null): string;
  constant(value: string): string;
  range(min: string, minAt: string | null, max: string, maxAt: string | null): string;
  above(level: string, regions: RegionWords[], more: number, everywhere: boolean): string;
  /** Where a curve is above a level: stretches of x ([] for nowhere). */
  aboveOn(level: string, symbol: string, stretches: [string, string][], everywhere: boolean): string;
  classes(list: { name: string; share: string; centre: string | null; place: Place | null }[]): string;
  /** "the class a 2-32-3 network (…) predicts" (a class view). */
  classOf(network: string): string;
  /** "how sure a 2-16-16-1 network (…) is of its class" (a probability view). */
  sureOf(network: string): string;
  /** Where each class is predicted, for a class or probability view. */
  classMap(list: { name: string; share: string; centre: string | null; place: Place | null }[]): string;
  probabilityFade(): string;
  /** `color` null: the view's own thin lines. */
  classBoundaries(color: string | null, dash: string): string;
  dataPoints(count: number, perClass: { name: string; count: number }[], misclassified: number | null, outside: number): string;
  boundaryLine(line: string, color: string, dash: string): string;
  boundaryContour(level: string, color: string, dash: string): string;
  markedPoint(at: string, label: string, value: string | null): string;
  panels(count: number, rows: number, columns: number): string;
  panel(index: number, title: string, body: string): string;
  hiddenNeurons(count: number, perLayer: number[]): string;
  animation(frames: number, fps: string, path: string, from: string, to: string): string;
  contactSheet(frames: number, captions: string[]): string;
  frame(which: 'first' | 'last', caption: string, body: string): string;
  /** "a perceptron computing ReLU(2·x1 + 3·x2 − 5)". */
  perceptronOf(expr: string): string;
  /** A network diagram: what, its inputs and outputs, the edges' encoding and the weights' range; `summarised`: the neurons a layer shows at most. */
  diagram(what: string, inputs: readonly string[], outputs: readonly string[], lo: string, hi: string, summarised: number | null): string;
  /** A perceptron diagram's worked example at its input. */
  workedSum(at: readonly string[], a: string, activation: string, out: string, sum: string): string;
  diagramOutputs(at: readonly string[], outputs: readonly string[]): string;
}

const EN_PLACE: Record<Place, string> = {
  'upper left': 'in the upper left', top: 'at the top', 'upper right': 'in the upper right',
  left: 'on the left', centre: 'in the centre', right: 'on the right',
  'lower left': 'in the lower left', bottom: 'at the bottom', 'lower right': 'in the lower right',
};
const JA_PLACE: Record<Place, string> = {
  'upper left': '左上', top: '上部', 'upper right': '右上',
  left: '左側', centre: '中央', right: '右側',
  'lower left': '左下', bottom: '下部', 'lower right': '右下',
};
const EN_SIDE: Record<Side, string> = { below: 'below', above: 'above', left: 'left of', right: 'right of' };
const EN_OTHER: Record<Side, string> = { below: 'above it', above: 'below it', left: 'right of it', right: 'left of it' };
const JA_SIDE: Record<Side, string> = { below: 'より下', above: 'より上', left: 'より左', right: 'より右' };
const JA_OTHER: Record<Side, string> = { below: '上', above: '下', left: '右', right: '左' };
/** Colour names a reader knows in Japanese; other colours are given as the config writes them. */
const JA_COLOR: Record<string, string> = {
  black: '黒', white: '白', red: '赤', green: '緑', blue: '青', yellow: '黄', orange: 'オレンジ', purple: '紫', gray: '灰色', grey: '灰色', pink: 'ピンク', brown: '茶色',
};
const jaColor = (c: string) => JA_COLOR[c.toLowerCase()] ?? c;
const listEn = (items: readonly string[]) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const listJa = (items: readonly string[]) => items.join('、');
const EN_DASH: Record<string, string> = { dotted: 'dotted', dashed: 'dashed', dashdot: 'dash-dotted', solid: 'solid' };
const JA_DASH: Record<string, string> = { dotted: '点線', dashed: '破線', dashdot: '一点鎖線', solid: '実線' };

const stop = (s: string) => (/[.!?。]$/.test(s) ? s : `${s}.`);
const zeroWord = (v: string) => (v === '0' ? 'zero' : v);

const en: Words = {
  lang: 'en',
  sentences: (parts) => parts.filter(Boolean).map((p) => stop(p.charAt(0).toUpperCase() + p.slice(1))).join(' '),
  titled: (title, body) => (title && body ? `${stop(title)} ${body}` : title || body),
  join: (head, body) => `${head}: ${body}`,
  quote: (t) => `“${t}”`,
  point: (x, y) => `(${x}, ${y})`,
  list: (items) => (items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`),
  lineGraph: (curves, what, s, from, to) => (curves === 1 ? `Line graph of ${what} for ${s} from ${from} to ${to}` : `Line graph of ${curves} curves for ${s} from ${from} to ${to}`),
  series(label, expr, pieces, s, kinks, jumps, undefinedAt) {
    const text = pieces.map((p) => {
      switch (p.kind) {
        case 'constant': return `${p.value} for ${s} from ${p.from} to ${p.to}`;
        case 'rising':
        case 'falling': return `${p.kind}${p.straight ? ' in a straight line' : ''} from ${p.start} at ${s} = ${p.from} to ${p.end} at ${s} = ${p.to}`;
        case 'turn': return `from ${p.start} at ${s} = ${p.from} ${p.turn === 'minimum' ? 'falling' : 'rising'} to a ${p.turn} of ${p.value} at ${s} = ${p.at}, then ${p.turn === 'minimum' ? 'rising' : 'falling'} to ${p.end} at ${s} = ${p.to}`;
        case 'varying': return `varying between ${p.min} and ${p.max} for ${s} from ${p.from} to ${p.to}`;
      }
    }).join(', then ');
    const extra = [
      ...(kinks.length ? [`${kinks.length === 1 ? 'a kink' : 'kinks'} at ${s} = ${en.list(kinks)}`] : []),
      ...jumps.map((j) => `a jump from ${j.left} to ${j.right} at ${s} = ${j.at}, ${j.value === null ? 'where it is undefined' : `where the value is ${j.value}`}`),
      ...(undefinedAt.length ? [`undefined at ${s} = ${en.list(undefinedAt)}`] : []),
    ];
    const body = `${text || 'no finite values'}${extra.length ? `; ${extra.join('; ')}` : ''}`;
    const head = label ? `${en.quote(label)}, ${expr}` : expr;
    return head ? `${head}: ${body}` : body;
  },
  contour: (what, xs, ys, x0, x1, y0, y1) =>
    `Filled contour of ${what} for ${x0 === y0 && x1 === y1 ? `${xs} and ${ys} from ${x0} to ${x1}` : `${xs} from ${x0} to ${x1} and ${ys} from ${y0} to ${y1}`}`,
  network: (sizes, acts) => `a ${sizes} network (${acts})`,
  outputOf: (network, output) => `${output !== null ? `output ${output}` : 'the output'} of ${network}`,
  neuronOutput: (neuron, layer, network) => `neuron ${neuron} of hidden layer ${layer} of ${network}`,
  classProbability: (index, network) => `the probability of class ${index} from ${network}`,
  perceptronFrom: (expr, network) => `${expr} (${network})`,
  twoFlats: (neg, pos, side, line, onLine) => `${zeroWord(neg)} ${EN_SIDE[side]} the line ${line} and ${pos} ${EN_OTHER[side]}${onLine !== null ? ` (${onLine} on the line)` : ''}`,
  flatThenRamp: (flat, side, line, rising, extreme, at) => `${zeroWord(flat)} ${EN_SIDE[side]} the line ${line}, ${rising ? 'rising' : 'falling'} to ${extreme} at ${at}`,
  ramp: (min, minAt, max, maxAt, monotone, line, onLine) =>
    `${monotone ? `rising from ${min} at ${minAt} to ${max} at ${maxAt}` : `ranging from ${min} at ${minAt} to ${max} at ${maxAt}`}${line ? `, ${onLine} on the line ${line}` : ''}`,
  constant: (v) => `constant at ${v}`,
  range: (min, minAt, max, maxAt) => `from ${min}${minAt ? ` at ${minAt}` : ''} to ${max}${maxAt ? ` at ${maxAt}` : ''}`,
  above(level, regions, more, everywhere) {
    if (everywhere) return `above ${level} everywhere`;
    if (regions.length === 0) return `nowhere above ${level}`;
    const r = (x: RegionWords) => `${x.share} of the plot around ${x.centre} ${EN_PLACE[x.place]}`;
    if (regions.length === 1 && more === 0) return `above ${level} in one region, ${r(regions[0])}`;
    return `above ${level} in ${regions.length + more} regions: ${en.list([...regions.map(r), ...(more ? [`${more} smaller ${more === 1 ? 'one' : 'ones'}`] : [])])}`;
  },
  classOf: (network) => `the class ${network} predicts`,
  sureOf: (network) => `how sure ${network} is of its class`,
  classMap: (list) => `${en.list(list.map((c) => `${c.name} in ${c.share} of the plot${c.centre ? ` around ${c.centre} ${EN_PLACE[c.place!]}` : ''}`))}`,
  probabilityFade: () => 'Each class has its colour, fading to white where the classes are equally likely',
  classBoundaries: (color, dash) => `The boundaries between the classes are drawn as ${color === null ? 'thin' : `${color} ${EN_DASH[dash] ?? dash}`} lines`,
  dataPoints: (count, perClass, miss, outside) =>
    `${count} data point${count === 1 ? '' : 's'} drawn over it${perClass.length ? `: ${en.list(perClass.map((c) => `${c.count} of ${c.name}`))}` : ''}${miss !== null ? `; ${miss} misclassified, ringed` : ''}${outside ? `; ${outside} outside the plot, not drawn` : ''}`,
  aboveOn: (level, s, stretches, everywhere) =>
    everywhere ? `above ${level} everywhere`
    : stretches.length === 0 ? `nowhere above ${level}`
    : `above ${level} for ${s} from ${en.list(stretches.map(([a, b], i) => (i === 0 ? `${a} to ${b}` : `from ${a} to ${b}`)))}`,
  classes: (list) => `the most likely class is ${en.list(list.map((c) => `${c.name} in ${c.share} of the plot${c.centre ? ` around ${c.centre} ${EN_PLACE[c.place!]}` : ''}`))}`,
  boundaryLine: (line, color, dash) => `The boundary ${line} is drawn as a ${color} ${EN_DASH[dash] ?? dash} line`,
  boundaryContour: (level, color, dash) => `The decision boundary, where the output is ${level}, is drawn as a ${color} ${EN_DASH[dash] ?? dash} line`,
  markedPoint: (at, label, value) => `Marked point at ${at}${label ? `, labelled ${en.quote(label)}` : ''}${value !== null ? `, where the value is ${value}` : ''}`,
  panels: (count, rows, columns) => `${count} panels${rows > 1 ? ` in ${rows} rows of ${columns}` : ' side by side'}`,
  panel: (index, title, body) => `Panel ${index}${title ? `, ${en.quote(title)}` : ''}: ${body.charAt(0).toLowerCase()}${body.slice(1)}`,
  hiddenNeurons: (count, perLayer) => `Then ${count} panels, one per hidden neuron (${en.list(perLayer.map((n, l) => `${n} in layer ${l + 1}`))}), each a filled contour of that neuron's output`,
  animation: (frames, fps, path, from, to) => `Animation of ${frames} frames at ${fps} ${fps === '1' ? 'frame' : 'frames'} per second, ${path} going from ${from} to ${to}`,
  contactSheet: (frames, captions) => `Contact sheet of ${frames} frames side by side: ${captions.join(', ')}`,
  frame: (which, caption, body) => `${which === 'first' ? 'First' : 'Last'} frame, ${caption}: ${body.charAt(0).toLowerCase()}${body.slice(1)}`,
  perceptronOf: (expr) => `a perceptron computing ${expr}`,
  diagram: (what, inputs, outputs, lo, hi, summarised) =>
    `Diagram of ${what}, inputs ${listEn(inputs)} on the left, output${outputs.length === 1 ? '' : 's'} ${listEn(outputs)} on the right; each edge is coloured by the sign of its weight (red positive, blue negative) and as wide as its size, the weights ranging from ${lo} to ${hi}${summarised === null ? '' : `; layers of more than ${summarised} neurons show their first and last 4`}`,
  workedSum: (at, a, activation, out, sum) => `At ${listEn(at)}: a = ${sum} = ${a}, and f(a) = ${activation}(${a}) = ${out}`,
  diagramOutputs: (at, outputs) => `At ${listEn(at)} the network gives ${listEn(outputs)}`,
};

const JA_KIND: Record<'rising' | 'falling', string> = { rising: '増加', falling: '減少' };

const ja: Words = {
  lang: 'ja',
  sentences: (parts) => parts.filter(Boolean).map((s) => (/[。.]$/.test(s) ? s : `${s}。`)).join(''),
  titled: (title, body) => (title && body ? `${ja.quote(title)}。${body}` : title || body),
  join: (head, body) => `${head}：${body}`,
  quote: (t) => `「${t}」`,
  point: (x, y) => `(${x}, ${y})`,
  list: (items) => items.join('、'),
  lineGraph: (curves, what, s, from, to) => (curves === 1 ? `${s} を ${from} から ${to} まで変えた ${what} の折れ線グラフ` : `${s} を ${from} から ${to} まで変えた ${curves} 本の曲線の折れ線グラフ`),
  series(label, expr, pieces, s, kinks, jumps, undefinedAt) {
    const text = pieces.map((p) => {
      switch (p.kind) {
        case 'constant': return `${s} = ${p.from} から ${p.to} までは ${p.value}`;
        case 'rising':
        case 'falling': return `${s} = ${p.from} の ${p.start} から ${s} = ${p.to} の ${p.end} まで${p.straight ? '直線的に' : ''}${JA_KIND[p.kind]}`;
        case 'turn': return `${s} = ${p.from} の ${p.start} から${p.turn === 'minimum' ? '減少' : '増加'}して ${s} = ${p.at} で${p.turn === 'minimum' ? '最小値' : '最大値'} ${p.value}、その後 ${s} = ${p.to} の ${p.end} まで${p.turn === 'minimum' ? '増加' : '減少'}`;
        case 'varying': return `${s} = ${p.from} から ${p.to} までは ${p.min} と ${p.max} の間で変化`;
      }
    }).join('、');
    const extra = [
      ...(kinks.length ? [`${s} = ${ja.list(kinks)} で折れ曲がる`] : []),
      ...jumps.map((j) => `${s} = ${j.at} で ${j.left} から ${j.right} へ跳ぶ（${j.value === null ? 'その点では定義されない' : `その点の値は ${j.value}`}）`),
      ...(undefinedAt.length ? [`${s} = ${ja.list(undefinedAt)} では定義されない`] : []),
    ];
    const body = `${text || '有限の値なし'}${extra.length ? `。${extra.join('。')}` : ''}`;
    const head = label ? `${ja.quote(label)} ${expr}` : expr;
    return head ? `${head}：${body}` : body;
  },
  contour: (what, xs, ys, x0, x1, y0, y1) =>
    `${x0 === y0 && x1 === y1 ? `${xs} と ${ys} を ${x0} から ${x1} まで` : `${xs} を ${x0} から ${x1} まで、${ys} を ${y0} から ${y1} まで`}変えた ${what} の塗りつぶし等高線図`,
  network: (sizes, acts) => `${sizes} ネットワーク（${acts}）`,
  outputOf: (network, output) => `${network}の${output !== null ? `出力 ${output}` : '出力'}`,
  neuronOutput: (neuron, layer, network) => `${network}の隠れ層 ${layer} のニューロン ${neuron} の出力`,
  classProbability: (index, network) => `${network}によるクラス ${index} の確率`,
  perceptronFrom: (expr, network) => `${expr}（${network}）`,
  twoFlats: (neg, pos, side, line, onLine) => `直線 ${line} ${JA_SIDE[side]}では ${neg}、${JA_OTHER[side]}では ${pos}${onLine !== null ? `（直線上では ${onLine}）` : ''}`,
  flatThenRamp: (flat, side, line, rising, extreme, at) => `直線 ${line} ${JA_SIDE[side]}では ${flat}、反対側では ${at} の${rising ? '最大値' : '最小値'} ${extreme} まで${rising ? '増加' : '減少'}`,
  ramp: (min, minAt, max, maxAt, monotone, line, onLine) =>
    `${minAt} の最小値 ${min} から ${maxAt} の最大値 ${max} まで${monotone ? '増加' : '変化'}${line ? `し、直線 ${line} 上では ${onLine}` : ''}`,
  constant: (v) => `どこでも ${v}`,
  range: (min, minAt, max, maxAt) => `値は ${minAt ? `${minAt} の ` : ''}${min} から ${maxAt ? `${maxAt} の ` : ''}${max} まで`,
  above(level, regions, more, everywhere) {
    if (everywhere) return `どこでも ${level} を上回る`;
    if (regions.length === 0) return `${level} を上回る所はない`;
    const r = (x: RegionWords) => `${JA_PLACE[x.place]}の ${x.centre} 付近（図の ${x.share}）`;
    return `${level} を上回るのは ${regions.length + more} つの領域：${ja.list([...regions.map(r), ...(more ? [`ほかに小さな領域 ${more} つ`] : [])])}`;
  },
  classOf: (network) => `${network}が予測するクラス`,
  sureOf: (network) => `${network}の予測の確かさ`,
  classMap: (list) => ja.list(list.map((c) => `${c.name}は図の ${c.share}${c.centre ? `（${JA_PLACE[c.place!]}の ${c.centre} 付近）` : ''}`)),
  probabilityFade: () => 'クラスごとの色で、どのクラスも同じくらい確からしい所ほど白に近い',
  classBoundaries: (color, dash) => `クラスの境界を${color === null ? '細い線' : `${jaColor(color)}の${JA_DASH[dash] ?? dash}`}で示す`,
  dataPoints: (count, perClass, miss, outside) =>
    `データ点 ${count} 個を重ねて表示${perClass.length ? `（${ja.list(perClass.map((c) => `${c.name} ${c.count} 個`))}）` : ''}${miss !== null ? `、うち誤分類 ${miss} 個を丸で囲む` : ''}${outside ? `、図の外の ${outside} 個は描かない` : ''}`,
  aboveOn: (level, s, stretches, everywhere) =>
    everywhere ? `どこでも ${level} を上回る`
    : stretches.length === 0 ? `${level} を上回る所はない`
    : `${s} = ${ja.list(stretches.map(([a, b]) => `${a} から ${b}`))} で ${level} を上回る`,
  classes: (list) => `各クラスが最も確からしい範囲：${ja.list(list.map((c) => `${c.name}は図の ${c.share}${c.centre ? `（${JA_PLACE[c.place!]}の ${c.centre} 付近）` : ''}`))}`,
  boundaryLine: (line, color, dash) => `境界 ${line} を${jaColor(color)}の${JA_DASH[dash] ?? dash}で示す`,
  boundaryContour: (level, color, dash) => `出力が ${level} になる決定境界を${jaColor(color)}の${JA_DASH[dash] ?? dash}で示す`,
  markedPoint: (at, label, value) => `点 ${at} に印${label ? ` ${ja.quote(label)}` : ''}${value !== null ? `（値は ${value}）` : ''}`,
  panels: (count, rows, columns) => `${count} 枚のパネル${rows > 1 ? `（${columns} 列 × ${rows} 行）` : '（横並び）'}`,
  panel: (index, title, body) => `パネル ${index}${title ? ` ${ja.quote(title)}` : ''}：${body}`,
  hiddenNeurons: (count, perLayer) => `続いて隠れニューロンごとに ${count} 枚のパネル（${ja.list(perLayer.map((n, l) => `層 ${l + 1} に ${n} 個`))}）、それぞれそのニューロンの出力の塗りつぶし等高線図`,
  animation: (frames, fps, path, from, to) => `${path} を ${from} から ${to} まで変える ${frames} コマのアニメーション（毎秒 ${fps} コマ）`,
  contactSheet: (frames, captions) => `${frames} コマを並べたコンタクトシート：${captions.join('、')}`,
  frame: (which, caption, body) => `${which === 'first' ? '最初' : '最後'}のコマ（${caption}）：${body}`,
  perceptronOf: (expr) => `${expr} を計算するパーセプトロン`,
  diagram: (what, inputs, outputs, lo, hi, summarised) =>
    `${what}の図。左に入力 ${listJa(inputs)}、右に出力 ${listJa(outputs)}。辺の色は重みの符号（赤が正、青が負）、太さは重みの大きさを表し、重みは ${lo} から ${hi}${summarised === null ? '' : `。${summarised} 個を超える層は最初と最後の 4 個だけを描く`}`,
  workedSum: (at, a, activation, out, sum) => `${listJa(at)} のとき a = ${sum} = ${a}、f(a) = ${activation}(${a}) = ${out}`,
  diagramOutputs: (at, outputs) => `${listJa(at)} のとき出力は ${listJa(outputs)}`,
};

export const WORDS: Record<Lang, Words> = { en, ja };
