// The library in the reader's browser: the site's one WebAssembly module (the library, the
// notebook runtime, the playground's network and every live cell, compiled from the same
// sources as the build). Browsers refuse fetch() of a .wasm from file://, so the module comes
// as base64 in assets/library-wasm.js, which this script loads the first time a page asks for
// it (CompanionWasm.load()); every caller shares one instance.
(function () {
  "use strict";
  const base = document.currentScript ? document.currentScript.src.replace(/[^/]*$/, "") : "assets/";
  let loading = null;

  function loadScript() {
    if (typeof window.companionWasmBase64 === "string") return Promise.resolve();
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = base + "library-wasm.js";
      script.onload = () => resolve();
      script.onerror = () => reject(new Error("assets/library-wasm.js is missing"));
      document.head.appendChild(script);
    });
  }

  function moduleBytes() {
    const raw = atob(window.companionWasmBase64);
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  window.CompanionWasm = {
    /** A promise of the shared instance's exports (rejected if the site has no module). */
    load() {
      if (!loading) {
        loading = loadScript()
          .then(() => WebAssembly.instantiate(moduleBytes(), {}))
          .then((result) => result.instance.exports);
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
