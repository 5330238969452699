/**
 * Budgets for model files, checked before anything is allocated or inflated (documented in
 * docs/models.md): a model file is untrusted input like a config.
 */
export const MODEL_LIMITS = {
  /** Bytes of a model file (checked with stat before it is read). */
  fileBytes: 256 * 1024 * 1024,
  /** Numbers in all the tensors of a file (weights and biases: a 2-3000-3000-1 network fits). */
  parameters: 10_000_000,
  /** Bytes of a safetensors JSON header or an .npy header. */
  headerBytes: 16 * 1024 * 1024,
  /** Tensors (or archive entries) in one file. */
  tensors: 100_000,
  /** Bytes all the entries of a zip (.npz, .pt) may inflate to. */
  unzippedBytes: 512 * 1024 * 1024,
  /** Nodes of an ONNX graph, opcodes of a pickle. */
  nodes: 100_000,
  pickleOps: 5_000_000,
  /** Multiply-adds to sample one figure's models (grid points × parameters, for each panel drawn). */
  work: 20_000_000_000,
  /** Layers of a network read from a file. */
  layers: 256,
} as const;
