/**
 * The `sweep` key: one value of a figure varied over the frames of an animation, either a number
 * over a range (`from`, `to`, `frames`) or a list of `values` (numbers or strings: checkpoints a
 * training run wrote, activation names, ...) with optional per-frame `labels`.
 */
import { Type } from '@sinclair/typebox';
import { LIMITS } from './limits.js';

export const SWEEP_VALUE_CHARS = 1000;

export const Sweep = Type.Object(
  {
    path: Type.String({ minLength: 1, description: 'the dotted path of the value to vary, e.g. "perceptron.bias" or "network.file"' }),
    from: Type.Optional(Type.Number({ description: 'the value of the first frame (with "to" and "frames")' })),
    to: Type.Optional(Type.Number({ description: 'the value of the last frame; the frames between are spread evenly' })),
    frames: Type.Optional(Type.Integer({ minimum: 2, maximum: LIMITS.frames, description: 'the number of frames' })),
    values: Type.Optional(
      Type.Array(
        Type.Union([Type.Number(), Type.String({ minLength: 1, maxLength: SWEEP_VALUE_CHARS })], { description: 'a number or a string' }),
        { minItems: 2, maxItems: LIMITS.frames, description: 'the value of each frame, in order (instead of "from", "to" and "frames"): numbers, or strings such as checkpoint files' },
      ),
    ),
    labels: Type.Optional(Type.Array(Type.String(), { minItems: 2, maxItems: LIMITS.frames, description: 'the caption of each frame, one per value (instead of "label")' })),
    fps: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 60, default: 10, description: 'frames per second' })),
    sheet: Type.Optional(Type.Integer({ minimum: 0, maximum: 64, default: 8, description: 'frames on the contact sheet <name>-sheet.png, ends included (0 for none; at most the frames)' })),
    label: Type.Optional(Type.String({ description: 'the frame caption added to the title, with {value} for the swept value (default "<path> = {value}")' })),
    colorScale: Type.Optional(
      Type.Unsafe<'fixed' | 'frame'>({
        type: 'string',
        enum: ['fixed', 'frame'],
        default: 'fixed',
        description: 'a colour scale (fixed, frame): "fixed" spreads contour levels and edge widths over all frames, so a colour means the same value in every frame; "frame" fits each frame on its own',
      }),
    ),
  },
  { additionalProperties: false, description: 'makes the figure an animation: one frame per value of one number or string of its config' },
);
