// The library in the reader's browser: the site's one WebAssembly module (the library, the
// notebook runtime and every live cell, compiled from the same sources as the build), shipped
// as base64 inside assets/library-wasm.js because browsers refuse fetch() of a .wasm from
// file://. Pages call CompanionWasm.load() and get one shared instance.
(function () {
  "use strict";
  let loading = null;

  function moduleBytes() {
    const text = window.companionWasmBase64;
    const raw = atob(text);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  window.CompanionWasm = {
    /** Whether the page has the module (assets/library-wasm.js loaded). */
    available() {
      return typeof window.companionWasmBase64 === "string";
    },
    /** A promise of the shared instance's exports. */
    load() {
      if (!loading) {
        loading = WebAssembly.instantiate(moduleBytes(), {}).then((r) => r.instance.exports);
      }
      return loading;
    },
    /** Copies `text` into the module's input buffer; returns its length in bytes. */
    writeInput(exports, text) {
      const bytes = encoder.encode(text);
      const pointer = exports.input_reserve(bytes.length);
      new Uint8Array(exports.memory.buffer, pointer, bytes.length).set(bytes);
      return bytes.length;
    },
    /** Everything printed since the last call, as text; empties the buffer. */
    takeOutput(exports) {
      const pointer = exports.output_pointer();
      const length = exports.output_length();
      const text = decoder.decode(new Uint8Array(exports.memory.buffer, pointer, length));
      exports.output_reset();
      return text;
    },
  };
})();
