// The renderers of cell outputs live in their own module, which the browser build compiles
// too; the engine uses them everywhere.
@_exported import OutputRendering
