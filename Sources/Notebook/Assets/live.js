// Live cells: a cell marked `swift live` declares controls; the build ran it with their
// defaults and wrote its outputs into the page. Here, moving a control reruns the cell's code in
// the browser module (the same Swift, compiled for WebAssembly) and puts its new outputs in
// place. Runs are coalesced: while one runs, only the latest request waits.
//
// `#live-selftest` in the URL (for the test suite): every live cell reruns with its defaults,
// then once with its first control moved, and the outputs are written as JSON into
// <script type="application/json" id="live-selftest">.
(function () {
  "use strict";
  const forms = Array.from(document.querySelectorAll("form.live-controls[data-live]"));
  if (forms.length === 0 || !window.CompanionWasm) return;

  // A double as its 16 hexadecimal IEEE digits: the module reads back the very same bits.
  const view = new DataView(new ArrayBuffer(8));
  function bits(number) {
    view.setFloat64(0, number);
    return view.getBigUint64(0).toString(16).padStart(16, "0");
  }

  function values(form) {
    return Array.from(form.querySelectorAll("[data-kind]")).map((input) => {
      switch (input.dataset.kind) {
        case "slider": return bits(Number(input.value));
        case "number": return String(Math.trunc(Number(input.value)));
        case "select": return input.value;
        case "checkbox": return input.checked ? "1" : "0";
        default: return input.value;
      }
    });
  }

  function run(exports, form, list) {
    const name = form.dataset.live;
    const count = CompanionWasm.writeInput(exports, list.join("\u001f"));
    try {
      exports[name](count);
      return { ok: true, html: CompanionWasm.takeOutput(exports) };
    } catch (error) {
      // A trap kills nothing but this run's output; the instance is replaced on the next load.
      CompanionWasm.takeOutput(exports);
      return { ok: false, message: String(error) };
    }
  }

  function wire(exports, form) {
    const output = document.getElementById("live-output-" + form.dataset.cell);
    const status = form.querySelector(".live-status");
    let running = false;
    let pending = false;
    function update() {
      if (running) { pending = true; return; }
      running = true;
      requestAnimationFrame(() => {
        const started = performance.now();
        const result = run(exports, form, values(form));
        if (result.ok) {
          output.innerHTML = result.html;
          status.textContent = "recomputed in " + Math.round(performance.now() - started) + " ms";
        } else {
          status.textContent = "this setting stopped the cell: " + result.message;
        }
        running = false;
        if (pending) { pending = false; update(); }
      });
    }
    form.addEventListener("input", (event) => {
      const slider = event.target.closest("input[type=range]");
      if (slider && slider.nextElementSibling && slider.nextElementSibling.tagName === "OUTPUT") {
        slider.nextElementSibling.textContent = slider.value;
      }
      update();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
  }

  function selftest(exports) {
    const report = [];
    for (const form of forms) {
      const output = document.getElementById("live-output-" + form.dataset.cell);
      const defaults = run(exports, form, values(form));
      const first = form.querySelector("[data-kind]");
      let moved = null;
      if (first) {
        if (first.dataset.kind === "slider" || first.dataset.kind === "number") {
          const step = Number(first.step) || 1;
          const next = Number(first.value) + step <= Number(first.max) ? Number(first.value) + step : Number(first.value) - step;
          first.value = String(next);
        } else if (first.dataset.kind === "select") {
          first.selectedIndex = (first.selectedIndex + 1) % first.options.length;
        } else if (first.dataset.kind === "checkbox") {
          first.checked = !first.checked;
        } else {
          first.value = first.value + " ";
        }
        moved = run(exports, form, values(form));
        if (moved.ok) output.innerHTML = moved.html;
      }
      report.push({ cell: form.dataset.cell, export: form.dataset.live, defaults: defaults, moved: moved });
    }
    const script = document.createElement("script");
    script.type = "application/json";
    script.id = "live-selftest";
    script.textContent = JSON.stringify(report).replace(/<\//g, "<\\/");
    document.body.appendChild(script);
  }

  CompanionWasm.load().then((exports) => {
    if (location.hash.indexOf("live-selftest") >= 0) { selftest(exports); return; }
    forms.forEach((form) => wire(exports, form));
  }, (error) => {
    forms.forEach((form) => {
      const status = form.querySelector(".live-status");
      if (status) status.textContent = "the browser module could not load: " + error.message;
    });
  });
})();
