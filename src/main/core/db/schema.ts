// The station's local database: the source of truth for `drizzle-kit generate`.
// Names follow the SPEC. Times are ISO-8601 UTC strings; lengths in millimetres,
// weights in grams (integers, no float rounding on a label).
// One file per group of tables under tables/; this file is what drizzle-kit reads and the code imports.
export * from './tables/enums'
export * from './tables/catalogue'
export * from './tables/people'
export * from './tables/packing'
export * from './tables/station'
export * from './tables/reports'
export * from './tables/ledger'
export * from './tables/claims'
