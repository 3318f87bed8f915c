// The live playground: the library's PlaygroundNetwork, from the site's WebAssembly module,
// trained in the reader's browser with the TensorFlow Playground's controls. The page holds a
// <div id="playground">; this script fills it. The setting lives in the address after '#', with
// the playground's own keys; `epochs=N` there trains N epochs at load, without animation, and
// #train-loss and #test-loss then carry the losses in `data-value` (JavaScript's shortest
// decimal that reads back as the same Double).
(function () {
  "use strict";

  const DATA_SETS = ["circle", "xor", "gauss", "spiral", "flower"];
  const DATA_NAMES = ["circle", "XOR", "two gaussians", "spiral", "flower"];
  // The order of PlaygroundFeature.allCases: bit k of the module's feature mask.
  const FEATURES = [
    ["x", "x1"], ["y", "x2"], ["xSquared", "x1²"], ["ySquared", "x2²"],
    ["xTimesY", "x1x2"], ["sinX", "sin(x1)"], ["sinY", "sin(x2)"],
  ];
  const ACTIVATIONS = ["tanh", "relu", "sigmoid", "linear"];
  const REGULARIZATIONS = ["none", "L1", "L2"];
  const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
  const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
  const SPEEDS = [["1", "1 epoch a frame (the playground's pace)"], ["10", "10 epochs a frame"],
    ["100", "100 epochs a frame"], ["max", "as many as fit in a frame"]];
  // The playground's keys this page does not use, with the playground's default for each.
  const IGNORED = { regDataset: "reg-plane", cosX: "false", cosY: "false", collectStats: "false",
    problem: "classification", initZero: "false", hideText: "false", tutorial: "" };
  const GRID = 50;
  const FRAME_BUDGET_MS = 8;

  /** The playground's defaults. */
  function defaults() {
    return { dataset: "circle", noise: 0, percTrainData: 50, x: true, y: true, xTimesY: false,
      xSquared: false, ySquared: false, sinX: false, sinY: false, networkShape: [4, 2],
      activation: "tanh", learningRate: 0.03, regularization: "none", regularizationRate: 0,
      batchSize: 10, seed: 1, showTestData: false, discretize: false };
  }

  /** The state from an address's hash, and what in it the page did not use. */
  function parseHash(hash) {
    const state = defaults();
    const notes = { ignored: [], unsupported: [], invalid: [], extra: [] };
    let epochs = null;
    const number = (text, ok) => {
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) return null;
      const value = Number(text);
      return ok(value) ? value : null;
    };
    const integer = (low, high) => (v) => Number.isInteger(v) && v >= low && v <= high;
    for (const pair of hash.replace(/^#/, "").split("&")) {
      if (!pair) continue;
      const at = pair.indexOf("=");
      const key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      const value = decodeURIComponent(at < 0 ? "" : pair.slice(at + 1));
      const bad = () => notes.invalid.push(key + "=" + value);
      if (key === "dataset") {
        DATA_SETS.includes(value) ? (state.dataset = value) : bad();
      } else if (key === "noise" || key === "percTrainData" || key === "batchSize") {
        const range = { noise: [0, 50], percTrainData: [1, 99], batchSize: [1, 1000] }[key];
        const v = number(value, integer(range[0], range[1]));
        v === null ? bad() : (state[key] = v);
      } else if (FEATURES.some((f) => f[0] === key) || key === "showTestData" || key === "discretize") {
        value === "true" || value === "false" ? (state[key] = value === "true") : bad();
      } else if (key === "networkShape") {
        const parts = value.trim() === "" ? [] : value.split(",");
        const sizes = parts.map((p) => number(p, integer(1, 8)));
        sizes.includes(null) || sizes.length > 6 ? bad() : (state.networkShape = sizes);
      } else if (key === "activation") {
        ACTIVATIONS.includes(value) ? (state.activation = value) : bad();
      } else if (key === "regularization") {
        REGULARIZATIONS.includes(value) ? (state.regularization = value) : bad();
      } else if (key === "learningRate") {
        const v = number(value, (x) => x > 0 && isFinite(x));
        v === null ? bad() : (state.learningRate = v);
      } else if (key === "regularizationRate") {
        const v = number(value, (x) => x >= 0 && isFinite(x));
        v === null ? bad() : (state.regularizationRate = v);
      } else if (key === "seed") {
        const v = /^\d+$/.test(value) ? Number(value) : null;
        v !== null && v <= 4294967295 ? (state.seed = v) : bad();
      } else if (key === "epochs") {
        const v = number(value, integer(0, 1000000));
        v === null ? bad() : (epochs = v);
      } else if (key in IGNORED || /_hide$/.test(key)) {
        const usual = key in IGNORED ? IGNORED[key] : "false";
        (value === usual ? notes.ignored : notes.unsupported).push(key + "=" + value);
        notes.extra.push(pair);
      } else {
        notes.unsupported.push(key + "=" + value);
        notes.extra.push(pair);
      }
    }
    if (!FEATURES.some((f) => state[f[0]])) {
      notes.invalid.push("no input feature (x and y used)");
      state.x = state.y = true;
    }
    return { state, notes, epochs };
  }

  /** The hash for `state`, in the playground's order, with the keys it did not use kept. */
  function formatHash(state, extra) {
    const parts = [
      "activation=" + state.activation, "regularization=" + state.regularization,
      "batchSize=" + state.batchSize, "dataset=" + state.dataset,
      "learningRate=" + state.learningRate, "regularizationRate=" + state.regularizationRate,
      "noise=" + state.noise, "networkShape=" + state.networkShape.join(","), "seed=" + state.seed,
      "showTestData=" + state.showTestData, "discretize=" + state.discretize,
      "percTrainData=" + state.percTrainData,
    ];
    for (const [key] of FEATURES) parts.push(key + "=" + state[key]);
    return "#" + parts.concat(extra).join("&");
  }

  /** The colour of a value on the playground's scale: orange at -1, grey at 0, blue at +1. */
  function colour(value) {
    const t = Math.max(-1, Math.min(1, value));
    const low = [245, 147, 34], middle = [232, 234, 235], high = [8, 119, 189];
    const end = t < 0 ? low : high;
    const a = Math.abs(t);
    return [0, 1, 2].map((k) => Math.round(middle[k] + (end[k] - middle[k]) * a));
  }

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function select(options, chosen) {
    const node = element("select");
    for (const [value, label] of options) {
      node.append(element("option", { value: String(value), text: label }));
    }
    node.value = String(chosen);
    return node;
  }

  /** Options for a numeric select, with `value` added where the list lacks it. */
  function numberOptions(list, value) {
    const values = list.includes(value) ? list : list.concat([value]).sort((a, b) => a - b);
    return values.map((v) => [v, String(v)]);
  }

  /** A copy of `count` doubles at `pointer` (read after the call: memory may have grown). */
  function read(wasm, pointer, count) {
    return new Float64Array(wasm.memory.buffer, pointer, count).slice();
  }

  /** The live playground in `root`, computing with `wasm` (the module's exports). */
  class Playground {
    constructor(root, wasm, parsed) {
      this.root = root;
      this.wasm = wasm;
      this.playing = false;
      this.speed = "1";
      this.epochsPerFrame = 1;
      this.open(parsed);
      window.addEventListener("hashchange", () => this.follow(location.hash));
    }

    /** Shows the setting of an address; with `epochs=N` there, trains N epochs at once. */
    open(parsed) {
      this.state = parsed.state;
      this.extra = parsed.notes.extra;
      this.build();
      this.showNotes(parsed.notes);
      this.reset();
      if (parsed.epochs !== null) {
        this.train(parsed.epochs);
        this.render();
      }
    }

    /** Builds the controls and the drawings. */
    build() {
      const s = this.state;
      this.root.textContent = "";
      this.root.classList.add("playground-live");
      const button = (label, title, action) => {
        const node = element("button", { type: "button", title, "aria-label": title, text: label });
        node.addEventListener("click", action);
        return node;
      };
      this.playButton = button("▶", "play", () => this.toggle());
      this.epochText = element("span", { class: "pg-epoch", text: "0" });
      const speed = select(SPEEDS, this.speed);
      speed.addEventListener("change", () => { this.speed = speed.value; this.epochsPerFrame = 1; });
      const top = element("div", { class: "pg-bar" }, [
        button("⟲", "reset", () => { this.pause(); this.reset(); }), this.playButton,
        button("▷|", "one step", () => { this.pause(); this.train(1); this.render(); }),
        element("span", { class: "pg-label", text: "Epoch" }), this.epochText,
        element("label", {}, ["Speed ", speed]),
      ]);

      this.controls = {};
      const field = (label, node, key, convert, live) => {
        this.controls[key] = node;
        node.addEventListener(node.type === "range" ? "input" : "change", () => {
          this.state[key] = convert(node);
          if (node.type === "range") node.nextSibling.textContent = String(this.state[key]);
          live ? this.changeLearningRate() : this.reset();
        });
        return element("label", {}, [label + " ", node]);
      };
      const range = (key, low, high, step) => {
        const input = element("input", { type: "range", min: low, max: high, step, value: s[key] });
        return input;
      };
      const valueOf = (node) => Number(node.value);
      const withValue = (labelled) => {
        // The slider and its value stay on one line; the label's text may wrap before them.
        const input = labelled.querySelector("input");
        const group = element("span", { class: "pg-range" });
        input.replaceWith(group);
        group.append(input, element("output", { text: String(this.state[input.dataset.key]) }));
        return labelled;
      };
      const slider = (label, key, low, high, step) => {
        const input = range(key, low, high, step);
        input.dataset.key = key;
        return withValue(field(label, input, key, valueOf));
      };
      const dataSet = select(DATA_SETS.map((d, k) => [d, DATA_NAMES[k]]), s.dataset);
      const check = (label, key) => {
        const input = element("input", { type: "checkbox" });
        input.checked = s[key];
        return field(label, input, key, (node) => node.checked);
      };
      const regenerate = button("regenerate", "regenerate the data (next seed)", () => {
        this.state.seed = (this.state.seed + 1) % 4294967296;
        this.reset();
      });
      this.seedText = element("span", { class: "pg-seed" });
      const data = element("div", { class: "pg-column pg-data" }, [
        element("h4", { text: "Data" }), field("Data set", dataSet, "dataset", (n) => n.value),
        slider("Training data (%)", "percTrainData", 10, 90, 10),
        slider("Noise", "noise", 0, 50, 5), slider("Batch size", "batchSize", 1, 30, 1),
        element("div", {}, [regenerate, " ", this.seedText]),
        check("Show test data", "showTestData"), check("Discretize output", "discretize"),
        element("h4", { text: "Features" }),
        ...FEATURES.map(([key, label]) => check(label, key)),
      ]);

      this.layerBox = element("div", { class: "pg-layers" });
      this.networkCanvas = element("canvas", { class: "pg-network", width: 460, height: 360 });
      const network = element("div", { class: "pg-column pg-net" }, [
        element("h4", { text: "Hidden layers" }), this.layerBox, this.networkCanvas,
      ]);

      this.trainLoss = element("span", { id: "train-loss", class: "pg-loss" });
      this.testLoss = element("span", { id: "test-loss", class: "pg-loss" });
      this.curve = element("canvas", { class: "pg-curve", width: 300, height: 70 });
      this.region = element("canvas", { class: "pg-region", width: 300, height: 300 });
      const output = element("div", { class: "pg-column pg-output" }, [
        element("h4", { text: "Output" }),
        element("div", {}, ["Test loss ", this.testLoss]),
        element("div", {}, ["Training loss ", this.trainLoss]),
        this.curve, this.region,
      ]);

      const learning = element("div", { class: "pg-bar" }, [
        field("Learning rate", select(numberOptions(LEARNING_RATES, s.learningRate), s.learningRate),
          "learningRate", valueOf, true),
        field("Activation", select(ACTIVATIONS.map((a) => [a, a === "relu" ? "ReLU" : a]),
          s.activation), "activation", (n) => n.value),
        field("Regularization", select(REGULARIZATIONS.map((r) => [r, r]), s.regularization),
          "regularization", (n) => n.value),
        field("Regularization rate", select(numberOptions(REGULARIZATION_RATES,
          s.regularizationRate), s.regularizationRate), "regularizationRate", valueOf),
      ]);
      this.notes = element("p", { class: "pg-notes" });
      this.root.append(top, learning, element("div", { class: "pg-main" }, [data, network, output]),
        this.notes);
      this.buildLayerControls();
    }

    /** The hidden-layer controls: a count and a neuron count for each layer. */
    buildLayerControls() {
      const shape = this.state.networkShape;
      const box = this.layerBox;
      box.textContent = "";
      const change = (next) => { this.state.networkShape = next; this.buildLayerControls(); this.reset(); };
      const small = (label, title, enabled, action) => {
        const node = element("button", { type: "button", title, "aria-label": title, text: label });
        node.disabled = !enabled;
        node.addEventListener("click", action);
        return node;
      };
      box.append(element("div", {}, [
        small("−", "remove a hidden layer", shape.length > 0, () => change(shape.slice(0, -1))),
        " " + shape.length + " ",
        small("+", "add a hidden layer", shape.length < 6, () => change(shape.concat([2]))),
      ]));
      const row = element("div", { class: "pg-neurons" });
      shape.forEach((size, l) => {
        const set = (n) => change(shape.map((v, k) => (k === l ? n : v)));
        row.append(element("span", {}, [
          small("−", "fewer neurons in layer " + (l + 1), size > 1, () => set(size - 1)),
          " " + size + " ",
          small("+", "more neurons in layer " + (l + 1), size < 8, () => set(size + 1)),
        ]));
      });
      box.append(row);
    }

    /** Names what the address held that the page did not use. */
    showNotes(notes) {
      const lines = [];
      if (notes.unsupported.length) lines.push("Not supported here, so not applied: " + notes.unsupported.join(", ") + ".");
      if (notes.invalid.length) lines.push("Not understood, the default is used: " + notes.invalid.join(", ") + ".");
      if (notes.ignored.length) lines.push("Ignored, at the TensorFlow Playground's default: " + notes.ignored.join(", ") + ".");
      this.notes.textContent = lines.join(" ");
      this.notes.hidden = lines.length === 0;
    }

    /** Follows an address typed or clicked while the page is open. */
    follow(hash) {
      if (hash === this.writtenHash) return;
      this.pause();
      this.open(parseHash(hash));
      // A link further down the page opened a run: show it.
      this.root.scrollIntoView({ block: "start" });
    }

    /** Draws the data and fresh weights from the state, and shows epoch 0. */
    reset() {
      const s = this.state;
      const w = this.wasm;
      const layers = CompanionWasm.writeInput(w, s.networkShape.join(","));
      let mask = 0;
      FEATURES.forEach(([key], k) => { if (s[key]) mask |= 1 << k; });
      const status = w.playground_setup(DATA_SETS.indexOf(s.dataset), s.noise, s.percTrainData,
        s.seed, mask, ACTIVATIONS.indexOf(s.activation), REGULARIZATIONS.indexOf(s.regularization),
        s.regularizationRate, s.learningRate, s.batchSize, layers);
      if (status !== 0) throw new Error("playground: the module refused the setting " + formatHash(s, []));
      const count = w.playground_point_count(0) + w.playground_point_count(1);
      this.trainCount = w.playground_point_count(0);
      this.points = read(w, w.playground_points(), 3 * count);
      this.sizes = [];
      for (let l = 0; l < w.playground_layer_count(); l++) this.sizes.push(w.playground_layer_size(l));
      this.history = [[w.playground_loss(0), w.playground_loss(1)]];
      this.seedText.textContent = "seed " + s.seed;
      this.writeHash();
      this.render();
    }

    changeLearningRate() {
      this.wasm.playground_set_learning_rate(this.state.learningRate);
      this.writeHash();
    }

    writeHash() {
      this.writtenHash = formatHash(this.state, this.extra);
      if (location.hash !== this.writtenHash) history.replaceState(null, "", this.writtenHash);
    }

    /** Trains `epochs` epochs and records the losses after each. */
    train(epochs) {
      const w = this.wasm;
      const losses = read(w, w.playground_train(epochs), 2 * epochs);
      for (let k = 0; k < epochs; k++) this.history.push([losses[2 * k], losses[2 * k + 1]]);
      if (this.history.length > 4000) {
        // Keep the curve's shape: every other epoch of the older half.
        this.history = this.history.filter((_, k) => k % 2 === 0 || k > this.history.length - 100);
      }
    }

    toggle() { this.playing ? this.pause() : this.play(); }

    play() {
      if (this.playing) return;
      this.playing = true;
      this.playButton.textContent = "❚❚";
      this.playButton.title = "pause";
      const frame = () => {
        if (!this.playing) return;
        let epochs = this.speed === "max" ? this.epochsPerFrame : Number(this.speed);
        const start = performance.now();
        this.train(epochs);
        const spent = performance.now() - start;
        if (this.speed === "max") {
          // Aim at the frame budget, growing at most fourfold a frame.
          const perEpoch = Math.max(spent / epochs, 1e-3);
          this.epochsPerFrame = Math.max(1, Math.min(4 * epochs, Math.floor(FRAME_BUDGET_MS / perEpoch)));
        }
        this.render();
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }

    pause() {
      this.playing = false;
      this.playButton.textContent = "▶";
      this.playButton.title = "play";
    }

    /** Redraws everything from the module's state. */
    render() {
      const w = this.wasm;
      const epoch = w.playground_epoch();
      this.epochText.textContent = epoch.toLocaleString("en-US", { minimumIntegerDigits: 6 });
      const [train, test] = this.history[this.history.length - 1];
      this.trainLoss.textContent = train.toFixed(3);
      this.trainLoss.dataset.value = String(train);
      this.testLoss.textContent = test.toFixed(3);
      this.testLoss.dataset.value = String(test);
      const neurons = this.sizes.reduce((a, b) => a + b, 0);
      const grid = read(w, w.playground_grid(GRID), neurons * GRID * GRID);
      const weights = read(w, w.playground_weights(), this.weightCount());
      this.drawRegion(grid, neurons - 1);
      this.drawNetwork(grid, weights);
      this.drawCurve();
    }

    weightCount() {
      let count = 0;
      for (let l = 0; l + 1 < this.sizes.length; l++) count += this.sizes[l] * this.sizes[l + 1];
      return count;
    }

    /** Neuron `n`'s picture as an image of GRID × GRID pixels (x2 up). */
    picture(grid, n, discretize, strength = 1) {
      const image = new ImageData(GRID, GRID);
      for (let j = 0; j < GRID; j++) {
        for (let i = 0; i < GRID; i++) {
          let value = grid[(n * GRID + j) * GRID + i];
          if (discretize) value = value > 0 ? 1 : -1;
          value *= strength;
          const [r, g, b] = colour(value);
          const at = 4 * ((GRID - 1 - j) * GRID + i);
          image.data[at] = r;
          image.data[at + 1] = g;
          image.data[at + 2] = b;
          image.data[at + 3] = 255;
        }
      }
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = GRID;
      canvas.getContext("2d").putImageData(image, 0, 0);
      return canvas;
    }

    drawRegion(grid, output) {
      const context = this.region.getContext("2d");
      const size = this.region.width;
      context.imageSmoothingEnabled = true;
      // Paler than the points, as in the playground, so that the points stand out.
      context.drawImage(this.picture(grid, output, this.state.discretize, 0.6), 0, 0, size, size);
      const count = this.points.length / 3;
      for (let k = 0; k < count; k++) {
        const isTest = k >= this.trainCount;
        if (isTest && !this.state.showTestData) continue;
        const x = ((this.points[3 * k] + 6) / 12) * size;
        const y = ((6 - this.points[3 * k + 1]) / 12) * size;
        const [r, g, b] = colour(this.points[3 * k + 2]);
        context.beginPath();
        context.arc(x, y, 3, 0, 2 * Math.PI);
        context.fillStyle = "rgb(" + r + "," + g + "," + b + ")";
        context.fill();
        context.lineWidth = 1;
        context.strokeStyle = isTest ? "#000" : "#fff";
        context.stroke();
      }
    }

    drawNetwork(grid, weights) {
      const canvas = this.networkCanvas;
      const context = canvas.getContext("2d");
      const box = 30, gap = 12;
      const tallest = Math.max(...this.sizes);
      const height = Math.max(120, tallest * (box + gap) + gap);
      if (canvas.height !== height) canvas.height = height;
      context.clearRect(0, 0, canvas.width, canvas.height);
      const columns = this.sizes.length;
      const x = (l) => 20 + (l * (canvas.width - 40 - box)) / Math.max(columns - 1, 1);
      const y = (l, k) => gap + k * (box + gap);
      // Links first, each from the right edge of its source to the left edge of its target.
      let offset = 0;
      for (let l = 0; l + 1 < columns; l++) {
        const inputs = this.sizes[l];
        for (let j = 0; j < this.sizes[l + 1]; j++) {
          for (let i = 0; i < inputs; i++) {
            const weight = weights[offset + j * inputs + i];
            if (weight === 0) continue;
            const [r, g, b] = colour(weight);
            const x0 = x(l) + box, y0 = y(l, i) + box / 2, x1 = x(l + 1), y1 = y(l + 1, j) + box / 2;
            context.beginPath();
            context.moveTo(x0, y0);
            context.bezierCurveTo((x0 + x1) / 2, y0, (x0 + x1) / 2, y1, x1, y1);
            context.lineWidth = 0.5 + (9.5 * Math.min(Math.abs(weight), 5)) / 5;
            context.strokeStyle = "rgb(" + r + "," + g + "," + b + ")";
            context.stroke();
          }
        }
        offset += inputs * this.sizes[l + 1];
      }
      let n = 0;
      const names = FEATURES.filter(([key]) => this.state[key]).map((f) => f[1]);
      context.font = "11px sans-serif";
      context.fillStyle = "#666";
      for (let l = 0; l < columns; l++) {
        for (let k = 0; k < this.sizes[l]; k++, n++) {
          context.imageSmoothingEnabled = true;
          context.drawImage(this.picture(grid, n, false), x(l), y(l, k), box, box);
          context.strokeStyle = "#888";
          context.lineWidth = 1;
          context.strokeRect(x(l) + 0.5, y(l, k) + 0.5, box - 1, box - 1);
          if (l === 0) context.fillText(names[k], 0, y(l, k) + box + 10);
        }
      }
    }

    drawCurve() {
      const canvas = this.curve;
      const context = canvas.getContext("2d");
      context.clearRect(0, 0, canvas.width, canvas.height);
      const history = this.history;
      let top = 0;
      for (const [a, b] of history) top = Math.max(top, isFinite(a) ? a : 0, isFinite(b) ? b : 0);
      top = top || 1;
      const last = Math.max(history.length - 1, 1);
      for (const [which, stroke] of [[1, "#999"], [0, "#222"]]) {
        context.beginPath();
        history.forEach((pair, k) => {
          const px = (k / last) * (canvas.width - 2) + 1;
          const py = canvas.height - 2 - (Math.min(pair[which], top) / top) * (canvas.height - 4);
          k === 0 ? context.moveTo(px, py) : context.lineTo(px, py);
        });
        context.strokeStyle = stroke;
        context.lineWidth = 1.5;
        context.stroke();
      }
    }
  }

  function start() {
    const root = document.getElementById("playground");
    if (!root) return;
    const missing = () => root.append(element("p", { class: "pg-notes",
      text: "The site's WebAssembly module (assets/library-wasm.js) did not load, so the playground cannot train here." }));
    if (!window.CompanionWasm) return missing();
    CompanionWasm.load().then((wasm) => {
      window.companionPlayground = new Playground(root, wasm, parseHash(location.hash));
    }, missing);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
