/// TeX as a reader would say it in plain text, for search snippets: `\frac{\partial J}{\partial
/// w}` becomes `∂J/∂w`, `a^{[2](i)}` becomes `a^[2](i)`, `\sigma(z)` becomes `σ(z)`. Greek
/// letters and common symbols become their characters, `\frac` a slash, styling commands
/// (`\text`, `\mathbf`, ...) their content, `\left` and `\right` nothing; braces go, and any
/// other command is left as its name.
enum TeXPlainText {
  /// The plain text of the TeX `source`, whitespace folded.
  static func plain(_ source: String) -> String {
    var reader = Reader(characters: Array(source))
    let text = reader.sequence(untilClosingBrace: false)
    return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  /// Commands written as a character. Sums and products are the n-ary signs (∑, ∏), never the
  /// capital letters: JavaScript lower-cases a word-final Σ to ς, Swift to σ, and the search
  /// index built here must be the one lunr.js builds from the same text.
  static let symbols: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ",
    "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ",
    "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
    "Theta": "Θ", "Lambda": "Λ", "Sigma": "∑", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "neq": "≠",
    "ne": "≠", "approx": "≈", "sum": "∑", "prod": "∏", "partial": "∂", "infty": "∞", "in": "∈",
    "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "nabla": "∇", "pm": "±",
    "ldots": "…", "textstyle": "", "scriptstyle": "", "log": "log ", "exp": "exp ", "ln": "ln ", "dots": "…",
    "cdots": "⋯", "odot": "⊙", "circ": "∘", "mid": "|", "quad": " ",
    "qquad": " ", "top": "ᵀ", "prime": "′", "sim": "∼", "propto": "∝", "forall": "∀",
    "exists": "∃", "ast": "*", "lVert": "‖", "rVert": "‖", "Vert": "‖", "|": "‖", "{": "{",
    "}": "}", "%": "%", "$": "$", "#": "#", "&": "&", "_": "_", ",": " ", ";": " ", ":": " ",
    "!": "", " ": " ", "left": "", "right": "", "big": "", "Big": "", "bigl": "", "bigr": "",
    "displaystyle": "", "limits": "",
  ]

  /// Relations and operators, written with a space on each side (`x ∈ ℝ`, `a · b`).
  static let spaced: Set<String> = [
    "cdot", "times", "le", "leq", "ge", "geq", "neq", "ne", "approx", "in", "to", "rightarrow",
    "leftarrow", "Rightarrow", "pm", "odot", "circ", "mid", "sim", "propto",
  ]

  /// Commands whose argument is shown as it is.
  static let styles: Set<String> = [
    "text", "mathrm", "mathbf", "mathit", "mathsf", "mathtt", "boldsymbol", "bm", "operatorname",
    "textbf", "textit", "emph", "hat", "bar", "tilde", "vec", "overline", "underline", "mathcal",
  ]

  /// Letters of `\mathbb{...}`.
  static let blackboard: [Character: String] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼"]

  /// A cursor over the TeX source.
  struct Reader {
    var characters: [Character]
    var position = 0

    /// Text up to the end (or, with `untilClosingBrace`, up to and past the next unmatched `}`).
    mutating func sequence(untilClosingBrace: Bool) -> String {
      var out = ""
      while position < characters.count {
        let character = characters[position]
        position += 1
        switch character {
        case "}" where untilClosingBrace: return out
        case "{": out += sequence(untilClosingBrace: true)
        case "}": break
        case "&": out += " "
        case "~": out += " "
        case "\\": out += command()
        default: out.append(character)
        }
      }
      return out
    }

    /// The next argument: a brace group, or a single character.
    mutating func argument() -> String {
      while position < characters.count, characters[position] == " " { position += 1 }
      guard position < characters.count else { return "" }
      let character = characters[position]
      position += 1
      if character == "{" { return sequence(untilClosingBrace: true) }
      if character == "\\" { return command() }
      return String(character)
    }

    /// The text of the command after a backslash.
    mutating func command() -> String {
      guard position < characters.count else { return "" }
      var name = ""
      while position < characters.count, characters[position].isLetter {
        name.append(characters[position])
        position += 1
      }
      if name.isEmpty {
        let single = characters[position]
        position += 1
        if single == "\\" { return "; " }
        return TeXPlainText.symbols[String(single)] ?? String(single)
      }
      // As in TeX, the spaces after a command's name end it and are not text.
      while position < characters.count, characters[position] == " " { position += 1 }
      switch name {
      case "frac", "dfrac", "tfrac":
        let numerator = argument()
        let denominator = argument()
        return Reader.grouped(numerator) + "/" + Reader.grouped(denominator)
      case "sqrt": return "√" + Reader.grouped(argument())
      case "mathbb":
        let letters = argument()
        return letters.map { TeXPlainText.blackboard[$0] ?? String($0) }.joined()
      case "begin", "end":
        _ = argument()
        return " "
      default:
        if TeXPlainText.styles.contains(name) { return argument() }
        let symbol = TeXPlainText.symbols[name] ?? name
        return TeXPlainText.spaced.contains(name) ? " \(symbol) " : symbol
      }
    }

    /// `text` in parentheses when it is more than one symbol long (`(a+b)/2`, `x/2`).
    static func grouped(_ text: String) -> String {
      let trimmed = text.trimmingCharacters(in: " ")
      let simple = trimmed.count <= 1 || trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == "∂" }
      return simple ? trimmed : "(" + trimmed + ")"
    }
  }
}

extension String {
  /// The string without `character` at either end.
  fileprivate func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
