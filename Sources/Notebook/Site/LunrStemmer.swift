/// lunr.js 2.3.9's text pipeline, exactly as the browser runs it, so an index built here is the
/// index lunr would build: its tokenizer (lower case, split on white space and hyphens), its
/// trimmer (non-word characters off both ends), its stop word list and its Porter stemmer (the
/// same regular expressions, matched on Unicode scalars as JavaScript matches code units).
enum LunrText {
  /// The terms lunr indexes for `text`, in order (empty terms included, as lunr keeps them).
  static func terms(_ text: String) -> [String] {
    var stems: [String: String] = [:]
    return terms(text, stems: &stems)
  }

  /// ``terms(_:)`` with the stems already computed kept in `stems` (token to stem).
  static func terms(_ text: String, stems: inout [String: String]) -> [String] {
    tokens(text).map(trimmed).filter { !stopWords.contains($0) }.map { token in
      if let known = stems[token] { return known }
      let stemmed = stem(token)
      stems[token] = stemmed
      return stemmed
    }
  }

  /// `lunr.tokenizer`: the lower-cased text split at runs of white space and `-`.
  static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if isSeparator(scalar) {
        if !current.isEmpty { tokens.append(String(current)) }
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { tokens.append(String(current)) }
    return tokens
  }

  /// JavaScript's `[\s\-]`.
  private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x2D, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
      0xFEFF:
      return true
    default:
      return false
    }
  }

  /// `lunr.trimmer`: the token without its leading and trailing JavaScript `\W` characters.
  static func trimmed(_ token: String) -> String {
    let isWord = { (scalar: Unicode.Scalar) in
      scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
    }
    let scalars = Array(token.unicodeScalars)
    guard let first = scalars.firstIndex(where: isWord), let last = scalars.lastIndex(where: isWord) else {
      return ""
    }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[first...last])
    return String(view)
  }

  /// `lunr.stopWordFilter`'s words.
  static let stopWords: Set<String> = [
    "a", "able", "about", "across", "after", "all", "almost", "also", "am", "among", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "but", "by", "can", "cannot", "could", "dear", "did", "do",
    "does", "either", "else", "ever", "every", "for", "from", "get", "got", "had", "has", "have", "he",
    "her", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "just",
    "least", "let", "like", "likely", "may", "me", "might", "most", "must", "my", "neither", "no", "nor",
    "not", "of", "off", "often", "on", "only", "or", "other", "our", "own", "rather", "said", "say", "says",
    "she", "should", "since", "so", "some", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "this", "tis", "to", "too", "twas", "us", "wants", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "yet", "you", "your",
  ]

  // MARK: - The Porter stemmer of lunr.js

  private static func regex(_ pattern: String) -> Regex<AnyRegexOutput> {
    // The patterns are constants of this file: a failure is a programming error.
    guard let regex = try? Regex(pattern) else { fatalError("bad stemmer pattern \(pattern)") }
    return regex.matchingSemantics(.unicodeScalar)
  }

  private static let c = "[^aeiou]"
  private static let v = "[aeiouy]"
  private static let consonants = c + "[^aeiouy]*"
  private static let vowels = v + "[aeiou]*"
  nonisolated(unsafe) private static let mgr0 = regex("^(" + consonants + ")?" + vowels + consonants)
  nonisolated(unsafe) private static let meq1 = regex(
    "^(" + consonants + ")?" + vowels + consonants + "(" + vowels + ")?$")
  nonisolated(unsafe) private static let mgr1 = regex(
    "^(" + consonants + ")?" + vowels + consonants + vowels + consonants)
  nonisolated(unsafe) private static let vowelInStem = regex("^(" + consonants + ")?" + v)
  nonisolated(unsafe) private static let step1a = regex("^(.+?)(ss|i)es$")
  nonisolated(unsafe) private static let step1a2 = regex("^(.+?)([^s])s$")
  nonisolated(unsafe) private static let step1b = regex("^(.+?)eed$")
  nonisolated(unsafe) private static let step1b2 = regex("^(.+?)(ed|ing)$")
  nonisolated(unsafe) private static let atBlIz = regex("(at|bl|iz)$")
  nonisolated(unsafe) private static let doubled = regex("([^aeiouylsz])\\1$")
  nonisolated(unsafe) private static let shortCVC = regex("^" + consonants + v + "[^aeiouwxy]$")
  nonisolated(unsafe) private static let step1c = regex("^(.+?[^aeiou])y$")
  nonisolated(unsafe) private static let step2 = regex(
    "^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|"
      + "fulness|ousness|aliti|iviti|biliti|logi)$")
  nonisolated(unsafe) private static let step3 = regex("^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
  nonisolated(unsafe) private static let step4 = regex(
    "^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")
  nonisolated(unsafe) private static let step4b = regex("^(.+?)(s|t)(ion)$")
  nonisolated(unsafe) private static let step5 = regex("^(.+?)e$")
  nonisolated(unsafe) private static let doubleL = regex("ll$")

  private static let step2Suffixes = [
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
  ]
  private static let step3Suffixes = [
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
  ]

  /// Capture group `index` of the match of `regex` against all of `word`, if it matches.
  private static func groups(_ regex: Regex<AnyRegexOutput>, _ word: String) -> [String]? {
    guard let match = word.firstMatch(of: regex) else { return nil }
    return (0..<match.output.count).map { match.output[$0].substring.map(String.init) ?? "" }
  }

  private static func matches(_ regex: Regex<AnyRegexOutput>, _ word: String) -> Bool {
    word.firstMatch(of: regex) != nil
  }

  /// `word` without its last scalar (JavaScript's `replace(/.$/, "")`).
  private static func droppingLast(_ word: String) -> String {
    var scalars = word.unicodeScalars
    if !scalars.isEmpty { scalars.removeLast() }
    return String(scalars)
  }

  /// `lunr.stemmer` applied to one term.
  static func stem(_ term: String) -> String {
    var w = term
    if w.utf16.count < 3 { return w }
    let startsWithY = w.hasPrefix("y")
    if startsWithY { w = "Y" + w.dropFirst() }
    if let g = groups(step1a, w) {
      w = g[1] + g[2]
    } else if let g = groups(step1a2, w) {
      w = g[1] + g[2]
    }
    if let g = groups(step1b, w) {
      if matches(mgr0, g[1]) { w = droppingLast(w) }
    } else if let g = groups(step1b2, w), matches(vowelInStem, g[1]) {
      w = g[1]
      if matches(atBlIz, w) {
        w += "e"
      } else if matches(doubled, w) {
        w = droppingLast(w)
      } else if matches(shortCVC, w) {
        w += "e"
      }
    }
    if let g = groups(step1c, w) { w = g[1] + "i" }
    if let g = groups(step2, w), matches(mgr0, g[1]) { w = g[1] + (step2Suffixes[g[2]] ?? "") }
    if let g = groups(step3, w), matches(mgr0, g[1]) { w = g[1] + (step3Suffixes[g[2]] ?? "") }
    if let g = groups(step4, w) {
      if matches(mgr1, g[1]) { w = g[1] }
    } else if let g = groups(step4b, w), matches(mgr1, g[1] + g[2]) {
      w = g[1] + g[2]
    }
    if let g = groups(step5, w) {
      let stem = g[1]
      if matches(mgr1, stem) || (matches(meq1, stem) && !matches(shortCVC, stem)) { w = stem }
    }
    if matches(doubleL, w) && matches(mgr1, w) { w = droppingLast(w) }
    if startsWithY { w = "y" + w.dropFirst() }
    return w
  }
}
