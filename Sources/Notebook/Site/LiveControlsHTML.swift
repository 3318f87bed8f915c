import NotebookRuntime

/// The controls of a live cell as a form the page's `live.js` wires to the cell's export in the
/// browser module. The form is `hidden` until the script has the module, so a page without
/// JavaScript shows the build's outputs and no dead controls.
///
/// ```html
/// <form class="live-controls" data-live="live_05_broadcasting_3" data-cell="3" hidden>
/// <label class="live-control"><span>rows</span> <input type="range" ...><output>3</output></label>
/// ...
/// </form>
/// ```
enum LiveControlsHTML {
  static func form(_ controls: [LiveControl], export: String, cell: Int) -> String {
    var out = "<form class=\"live-controls\" data-live=\"\(HTML.escape(export))\" data-cell=\"\(cell)\" hidden>\n"
    for (index, control) in controls.enumerated() {
      out += "<label class=\"live-control live-\(control.kind.rawValue)\">"
      let name = "c\(index)"
      let label = "<span class=\"live-label\">\(HTML.escape(control.label))</span>"
      switch control.kind {
      case .slider:
        out += label + " <input type=\"range\" name=\"\(name)\" data-kind=\"slider\""
        out += " min=\"\(number(control.lower))\" max=\"\(number(control.upper))\""
        out += " step=\"\(number(control.step))\" value=\"\(HTML.escape(control.value))\">"
        out += "<output>\(HTML.escape(control.value))</output>"
      case .number:
        out += label + " <input type=\"number\" name=\"\(name)\" data-kind=\"number\""
        out += " min=\"\(number(control.lower))\" max=\"\(number(control.upper))\" step=\"1\""
        out += " value=\"\(HTML.escape(control.value))\">"
      case .select:
        out += label + " <select name=\"\(name)\" data-kind=\"select\">"
        for (position, option) in control.options.enumerated() {
          let selected = String(position) == control.value ? " selected" : ""
          out += "<option value=\"\(position)\"\(selected)>\(HTML.escape(option))</option>"
        }
        out += "</select>"
      case .checkbox:
        let checked = control.value == "1" ? " checked" : ""
        out += "<input type=\"checkbox\" name=\"\(name)\" data-kind=\"checkbox\"\(checked)> " + label
      case .text:
        out += label + " <input type=\"text\" name=\"\(name)\" data-kind=\"text\" spellcheck=\"false\""
        out += " value=\"\(HTML.escape(control.value))\">"
      }
      out += "</label>\n"
    }
    out += "<span class=\"live-status\" aria-live=\"polite\"></span>\n</form>\n"
    return out
  }

  /// A range bound as Swift prints it (`0.05`, `3.0` as `3`).
  static func number(_ value: Double) -> String {
    value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : value.description
  }
}
