/** Whether a config's network comes from a model file (its own module: schema.ts loads TypeBox). */
import type { FileNetworkConfig, TypedNetworkConfig } from './schema.js';

export const isFileNetwork = (n: TypedNetworkConfig | FileNetworkConfig): n is FileNetworkConfig => 'file' in n;
