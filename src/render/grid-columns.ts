/**
 * What every device column of a field needs to interpolate its grid bilinearly: the grid cell on
 * its left (`col`), that cell's right neighbour (`col1`), and the weights of the two (`fx` for
 * the right, `gx` = 1 − fx for the left), at the column's pixel centre. The contour and the class
 * fields share it, so their pixels sample the grid at the same places.
 */
import type { FieldItem } from '../scene/scene.js';

export interface GridColumns {
  col: Int32Array;
  col1: Int32Array;
  fx: Float64Array;
  gx: Float64Array;
}

export function gridColumns(field: FieldItem, W: number): GridColumns {
  const { nx, x0, x1 } = field.grid;
  const [dx0, dx1] = field.xDomain;
  const col = new Int32Array(W);
  const col1 = new Int32Array(W);
  const fx = new Float64Array(W);
  const gx = new Float64Array(W);
  for (let px = 0; px < W; px++) {
    const xv = dx0 + ((px + 0.5) / W) * (dx1 - dx0);
    const g = nx > 1 ? ((xv - x0) / (x1 - x0)) * (nx - 1) : 0;
    const i = Math.min(Math.max(Math.floor(g), 0), Math.max(nx - 2, 0));
    col[px] = i;
    col1[px] = nx > 1 ? i + 1 : i;
    fx[px] = nx > 1 ? Math.min(Math.max(g - i, 0), 1) : 0;
    gx[px] = 1 - fx[px];
  }
  return { col, col1, fx, gx };
}
