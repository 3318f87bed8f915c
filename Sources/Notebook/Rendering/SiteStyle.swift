/// The project's stylesheet, written to `assets/style.css`.
///
/// Class vocabulary for page markup (what this stylesheet styles):
/// - page: `header.site-header`, `main.page` (the article), `nav.toc` (in-page contents, an
///   `ol` of links), `nav.pager` with `a[rel=prev]` / `a[rel=next]`, `footer.site-footer`;
/// - cells: `div.cell` (add `.verified`, `.failed`, `.error` or `.unchecked`) holding
///   `pre > code.language-swift`, then `div.cell-output` holding `pre.output`, `table.data`
///   and/or `figure.plot-figure > svg.plot`; a verified mark `span.mark.verified` ("✓") and a
///   failure mark `span.mark.failed` ("✗"); a failing cell's `div.diff` holds `div.expected`
///   and `div.actual`, each with a `span.diff-label` and a `pre`; inside those `pre`s,
///   `span.diff-del` / `span.diff-add` mark changed lines; `pre.error` holds a compile or
///   run error;
/// - index: `ul.chapter-list > li` with a link, `p.summary`, and `span.badge` plus `.verified`,
///   `.failed` or `.unchecked`;
/// - figure selectors: `form.figure-select[data-figure-group]` (see `SiteScript`).
enum SiteStyle {
  static let css = #"""
    :root {
      color-scheme: light dark;
      --text: #1d1f23;
      --muted: #5b6270;
      --background: #fdfdfc;
      --surface: #f3f4f6;
      --code-background: #f5f6f8;
      --border: #d9dce1;
      --link: #1f5fbf;
      --accent: #1f5fbf;
      --ok: #1a7f37;
      --ok-background: #e6f4ea;
      --bad: #c0262d;
      --bad-background: #fdecec;
      --neutral-background: #eceef1;
      --changed-background: #fff0b3;
      --series-0: #0072b2;
      --series-1: #d55e00;
      --series-2: #009e73;
      --series-3: #cc79a7;
      --series-4: #e69f00;
      --series-5: #56b4e9;
      --series-6: #8c6d1f;
      --series-7: #555555;
      --class-0: #d62728;
      --class-1: #1f63c4;
      --class-2: #2a9d3c;
      --class-3: #9d4edd;
      --region-opacity: 0.2;
      --grid: #e4e6ea;
      --axis: #6b7280;
      --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Noto Serif", "DejaVu Serif", Georgia, serif;
      --sans: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif;
      --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
    }

    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e4e6eb;
        --muted: #a0a7b4;
        --background: #16181d;
        --surface: #1f2229;
        --code-background: #1c1f26;
        --border: #353a44;
        --link: #7cb0ff;
        --accent: #7cb0ff;
        --ok: #5cd07a;
        --ok-background: #16301f;
        --bad: #ff7b7b;
        --bad-background: #3a1c1f;
        --neutral-background: #2a2e36;
        --changed-background: #4a3d12;
        --series-0: #56b4e9;
        --series-1: #ff8c42;
        --series-2: #3ddc97;
        --series-3: #e39fcb;
        --series-4: #f5b942;
        --series-5: #9ad0f5;
        --series-6: #e8da6a;
        --series-7: #bbbbbb;
        --class-0: #ff6b6b;
        --class-1: #5fa8ff;
        --class-2: #5ad46e;
        --class-3: #c792ff;
        --region-opacity: 0.26;
        --grid: #2c3039;
        --axis: #8a92a0;
      }
    }

    *, *::before, *::after { box-sizing: border-box; }

    html { -webkit-text-size-adjust: 100%; }

    body {
      margin: 0;
      background: var(--background);
      color: var(--text);
      font-family: var(--serif);
      font-size: 1.125rem;
      line-height: 1.6;
    }

    a { color: var(--link); text-underline-offset: 0.15em; }
    a:hover { text-decoration-thickness: 2px; }

    main.page, .site-header, .site-footer, nav.pager {
      max-width: 48rem;
      margin-left: auto;
      margin-right: auto;
      padding-left: 1.25rem;
      padding-right: 1.25rem;
    }

    main.page { padding-bottom: 2rem; }

    .site-header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 1rem;
      padding-top: 1rem;
      padding-bottom: 0.75rem;
      border-bottom: 1px solid var(--border);
      font-family: var(--sans);
      font-size: 0.95rem;
    }
    .site-header a { color: var(--text); font-weight: 600; text-decoration: none; }

    h1, h2, h3, h4 { font-family: var(--sans); line-height: 1.25; font-weight: 650; }
    h1 { font-size: 2rem; margin: 1.5rem 0 1rem; letter-spacing: -0.01em; }
    h2 { font-size: 1.45rem; margin: 2.25rem 0 0.75rem; }
    h3 { font-size: 1.2rem; margin: 1.75rem 0 0.5rem; }
    h2 > a.anchor, h3 > a.anchor { color: var(--muted); text-decoration: none; margin-left: 0.3em; opacity: 0; }
    h2:hover > a.anchor, h3:hover > a.anchor { opacity: 1; }

    p, ul, ol { margin: 0 0 1rem; }
    li + li { margin-top: 0.25rem; }
    blockquote {
      margin: 1rem 0;
      padding: 0.25rem 1rem;
      border-left: 3px solid var(--border);
      color: var(--muted);
    }
    hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
    img { max-width: 100%; }

    /* In-page contents */
    nav.toc {
      font-family: var(--sans);
      font-size: 0.95rem;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 8px;
      padding: 0.75rem 1rem;
      margin: 1rem 0 2rem;
    }
    nav.toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.4rem; }
    nav.toc ol, nav.toc ul { margin: 0; padding-left: 1.25rem; }
    nav.toc li + li { margin-top: 0.1rem; }
    nav.toc a { text-decoration: none; }
    nav.toc a:hover { text-decoration: underline; }

    /* Code */
    code, pre, kbd, samp { font-family: var(--mono); font-size: 0.86em; }
    :not(pre) > code {
      background: var(--code-background);
      border: 1px solid var(--border);
      border-radius: 4px;
      padding: 0.05em 0.3em;
    }
    pre {
      margin: 0 0 1rem;
      padding: 0.8rem 1rem;
      overflow-x: auto;
      background: var(--code-background);
      border: 1px solid var(--border);
      border-radius: 6px;
      line-height: 1.45;
      tab-size: 4;
    }
    pre code, pre code.hljs { background: transparent; padding: 0; font-size: 1em; display: block; }
    .hljs { background: transparent; }

    /* Cells and their outputs */
    .cell { position: relative; margin: 1.25rem 0 1.5rem; }
    .cell > pre { margin-bottom: 0; border-bottom-left-radius: 0; border-bottom-right-radius: 0; }
    .cell > pre:last-child { margin-bottom: 0; border-radius: 6px; }
    .cell-output {
      border: 1px solid var(--border);
      border-top: 0;
      border-radius: 0 0 6px 6px;
      padding: 0.6rem 1rem;
      background: var(--background);
    }
    .cell-output:first-child { border-top: 1px solid var(--border); border-radius: 6px; }
    .cell-output > :last-child { margin-bottom: 0; }
    pre.output {
      background: transparent;
      border: 0;
      padding: 0;
      margin: 0 0 0.5rem;
      color: var(--text);
    }
    .cell.error pre.error, pre.error {
      background: var(--bad-background);
      border-color: var(--bad);
      color: var(--bad);
      white-space: pre-wrap;
    }

    .mark {
      position: absolute;
      top: 0.45rem;
      right: 0.55rem;
      font-family: var(--sans);
      font-size: 0.8rem;
      font-weight: 700;
      line-height: 1;
      padding: 0.2rem 0.45rem;
      border-radius: 999px;
    }
    /* The mark sits in its own strip above the first code line, never over the code. */
    .cell.verified > pre:first-child, .cell.failed > pre:first-child { padding-top: 1.9rem; }
    .mark.verified { color: var(--ok); background: var(--ok-background); }
    .mark.failed { color: var(--bad); background: var(--bad-background); }
    .cell.failed > pre:first-child { border-color: var(--bad); }
    .cell.failed .cell-output { border-color: var(--bad); }

    .diff {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.75rem;
      margin: 0.5rem 0;
    }
    .diff .expected, .diff .actual { min-width: 0; }
    .diff pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
    .diff .actual pre { border-color: var(--bad); }
    .diff-label {
      display: block;
      font-family: var(--sans);
      font-size: 0.75rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--muted);
      margin-bottom: 0.25rem;
    }
    .diff-del, .diff-add {
      display: inline-block;
      min-width: 100%;
      background: var(--changed-background);
      box-shadow: -0.4rem 0 0 var(--changed-background), 0.4rem 0 0 var(--changed-background);
      font-weight: 700;
    }
    p.note { font-family: var(--sans); font-size: 0.9rem; font-style: italic; color: var(--muted); margin: 0.25rem 0; }

    /* Tables */
    table.data {
      border-collapse: collapse;
      margin: 0.5rem 0 1rem;
      font-family: var(--sans);
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
      display: block;
      max-width: 100%;
      overflow-x: auto;
    }
    table.data caption { caption-side: top; text-align: left; font-weight: 600; color: var(--muted); padding-bottom: 0.35rem; }
    table.data th, table.data td { padding: 0.3rem 0.75rem; border-bottom: 1px solid var(--border); text-align: left; white-space: nowrap; }
    table.data thead th { border-bottom: 2px solid var(--text); font-weight: 650; }
    table.data tbody tr:nth-child(even) { background: var(--surface); }
    table.data .num { text-align: right; }

    /* Figures and plots */
    figure { margin: 0.5rem 0 1rem; }
    figure.plot-figure { max-width: 40rem; }
    figcaption { font-family: var(--sans); font-size: 0.9rem; color: var(--muted); margin-top: 0.35rem; }
    svg.plot { display: block; width: 100%; height: auto; max-width: 40rem; overflow: visible; }
    svg.plot text { fill: var(--text); font-family: var(--sans); font-size: 12px; }
    svg.plot .plot-title { font-size: 15px; font-weight: 650; }
    svg.plot .tick { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
    svg.plot .axis-label { font-size: 13px; }
    svg.plot .plot-background { fill: var(--background); }
    svg.plot .grid line { stroke: var(--grid); stroke-width: 1; }
    svg.plot .axis line { stroke: var(--axis); stroke-width: 1; }
    svg.plot .line { fill: none; stroke-width: 2.25; stroke-linejoin: round; stroke-linecap: round; }
    svg.plot .hline { stroke-width: 1.5; stroke-dasharray: 6 4; }
    svg.plot .scatter circle { stroke: var(--background); stroke-width: 0.75; }
    svg.plot .region { fill-opacity: var(--region-opacity); stroke: none; }
    svg.plot .swatch { fill-opacity: calc(var(--region-opacity) * 2); }
    svg.plot .series-0 { --colour: var(--series-0); }
    svg.plot .series-1 { --colour: var(--series-1); }
    svg.plot .series-2 { --colour: var(--series-2); }
    svg.plot .series-3 { --colour: var(--series-3); }
    svg.plot .series-4 { --colour: var(--series-4); }
    svg.plot .series-5 { --colour: var(--series-5); }
    svg.plot .series-6 { --colour: var(--series-6); }
    svg.plot .series-7 { --colour: var(--series-7); }
    svg.plot .class-0 { --colour: var(--class-0); }
    svg.plot .class-1 { --colour: var(--class-1); }
    svg.plot .class-2 { --colour: var(--class-2); }
    svg.plot .class-3 { --colour: var(--class-3); }
    svg.plot .line, svg.plot .hline { stroke: var(--colour); }
    svg.plot circle, svg.plot .region, svg.plot rect.swatch { fill: var(--colour); }
    svg.plot .scatter.hollow circle, svg.plot circle.ring { fill: none; stroke: var(--colour); stroke-width: 1.5; }

    /* Figure selectors (see site.js); without JavaScript every figure shows */
    .figure-select { display: none; }
    .js .figure-select {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      font-family: var(--sans);
      font-size: 0.95rem;
      padding: 0.6rem 0.8rem;
      margin: 1rem 0;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 8px;
    }
    .figure-select select, .figure-select button {
      font: inherit;
      color: var(--text);
      background: var(--background);
      border: 1px solid var(--border);
      border-radius: 6px;
      padding: 0.2rem 0.5rem;
      margin-left: 0.35rem;
    }
    .figure-select button[aria-pressed="true"] { border-color: var(--accent); color: var(--accent); font-weight: 650; }
    [hidden] { display: none !important; }

    /* Index */
    ul.chapter-list { list-style: none; padding: 0; margin: 1.5rem 0; }
    ul.chapter-list > li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--border);
      margin: 0;
    }
    ul.chapter-list > li > a { font-family: var(--sans); font-weight: 600; font-size: 1.1rem; text-decoration: none; }
    ul.chapter-list > li > a:hover { text-decoration: underline; }
    ul.chapter-list .summary { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 0.98rem; }
    .badge {
      display: inline-block;
      font-family: var(--sans);
      font-size: 0.75rem;
      font-weight: 650;
      line-height: 1.4;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      background: var(--neutral-background);
      color: var(--muted);
      white-space: nowrap;
    }
    .badge.verified { background: var(--ok-background); color: var(--ok); }
    .badge.failed { background: var(--bad-background); color: var(--bad); }

    /* Previous / next */
    nav.pager {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      margin-top: 2.5rem;
      margin-bottom: 1rem;
      font-family: var(--sans);
      font-size: 0.95rem;
    }
    nav.pager a {
      display: block;
      max-width: 48%;
      padding: 0.5rem 0.8rem;
      border: 1px solid var(--border);
      border-radius: 8px;
      text-decoration: none;
    }
    nav.pager a:hover { border-color: var(--accent); }
    nav.pager a[rel="next"] { margin-left: auto; text-align: right; }

    .site-footer {
      padding-top: 1rem;
      padding-bottom: 2rem;
      border-top: 1px solid var(--border);
      font-family: var(--sans);
      font-size: 0.85rem;
      color: var(--muted);
    }

    /* Math */
    .katex { font-size: 1.08em; }
    .katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.25rem 0; }

    @media (max-width: 36rem) {
      body { font-size: 1.05rem; }
      h1 { font-size: 1.6rem; }
      .mark { position: static; display: inline-block; margin: 0.35rem 0 0; }
    }

    @media print {
      :root {
        --text: #000;
        --muted: #333;
        --background: #fff;
        --surface: #fff;
        --code-background: #fff;
        --border: #999;
        --link: #000;
        --grid: #ddd;
        --axis: #444;
      }
      body { font-size: 11pt; line-height: 1.45; background: #fff; color: #000; }
      .site-header, nav.pager, nav.toc, .figure-select, h2 > a.anchor, h3 > a.anchor { display: none !important; }
      main.page, .site-footer { max-width: none; padding: 0; }
      a { color: #000; text-decoration: none; }
      pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
      pre, .cell, figure, svg.plot, table.data, .diff, .katex-display { break-inside: avoid; page-break-inside: avoid; }
      h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
      table.data { display: table; }
      [hidden] { display: block !important; }
      .mark { border: 1px solid currentColor; }
    }

    """#
}
