/**
 * The most neurons a layer of a diagram shows before it is summarised (the first and last few,
 * "… N more"). Its own module: the schema states it as the default and resolving applies it, and
 * resolving must not load the schema (TypeBox), which only validation's generator and `actiplot
 * schema` need.
 */
export const DIAGRAM_MAX_NEURONS = 32;
