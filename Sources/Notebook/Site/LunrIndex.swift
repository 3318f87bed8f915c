import DeepLearning

/// A lunr.js 2.3.9 index built when the site is written, serialized as `lunr.Index.toJSON`
/// writes it, so the page loads it with `lunr.Index.load` instead of indexing in the browser.
///
/// It is what `lunr(function () { this.ref("i"); this.field(...) ... })` builds from the same
/// documents: the same terms (`LunrText`), term indexes in order of first appearance, postings
/// without metadata, and BM25 field vectors (k1 = 1.2, b = 0.75, the field boost, scores rounded
/// to 3 decimals). The logarithm is the library's own, so the bytes are the same everywhere.
struct LunrIndex {
  /// A searchable field and its boost.
  struct Field {
    var name: String
    var boost: Double
  }

  /// The fields, in the order they are declared.
  var fields: [Field]
  /// Each document's field values, in `fields` order; a document's ref is its position.
  var documents: [[String]]

  /// `JSON.stringify(index)` of the lunr index.
  var json: String {
    var stems: [String: String] = [:]
    return json(stems: &stems)
  }

  /// ``json``, stemming each token only if `stems` (token to stem) does not have it yet, and
  /// adding what it stems there.
  func json(stems: inout [String: String]) -> String {
    let k1 = 1.2
    let b = 0.75
    var termIndex: [String: Int] = [:]
    var termOrder: [String] = []
    // postings[term][field] = document refs containing the term in that field, ascending.
    var postings: [String: [[Int]]] = [:]
    // frequencies[document][field] = (term, count) in order of first appearance.
    var frequencies: [[[(term: String, count: Int)]]] = []
    var lengths: [[Int]] = []
    // The stemmer's regular expressions are slow; each distinct token is stemmed once.
    for (ref, values) in documents.enumerated() {
      var documentFrequencies: [[(term: String, count: Int)]] = []
      var documentLengths: [Int] = []
      for (field, value) in values.enumerated() {
        let terms = LunrText.terms(value, stems: &stems)
        documentLengths.append(terms.count)
        var counts: [(term: String, count: Int)] = []
        var position: [String: Int] = [:]
        for term in terms {
          if let at = position[term] {
            counts[at].count += 1
          } else {
            position[term] = counts.count
            counts.append((term, 1))
          }
          if termIndex[term] == nil {
            termIndex[term] = termOrder.count
            termOrder.append(term)
            postings[term] = Array(repeating: [], count: fields.count)
          }
          if postings[term]![field].last != ref { postings[term]![field].append(ref) }
        }
        documentFrequencies.append(counts)
      }
      frequencies.append(documentFrequencies)
      lengths.append(documentLengths)
    }
    let averageLengths = fields.indices.map { field in
      Double(lengths.map { $0[field] }.reduce(0, +)) / Double(max(1, documents.count))
    }
    var idfs: [String: Double] = [:]
    func idf(_ term: String) -> Double {
      if let cached = idfs[term] { return cached }
      let withTerm = Double(postings[term]!.map(\.count).reduce(0, +))
      let x = (Double(documents.count) - withTerm + 0.5) / (withTerm + 0.5)
      let value = DeepLearning.log(1 + abs(x))
      idfs[term] = value
      return value
    }
    var vectors: [String] = []
    for (ref, documentFrequencies) in frequencies.enumerated() {
      for (field, counts) in documentFrequencies.enumerated() {
        let relativeLength = Double(lengths[ref][field]) / averageLengths[field]
        var elements: [(index: Int, score: Double)] = counts.map { entry in
          let tf = Double(entry.count)
          var score = idf(entry.term) * ((k1 + 1) * tf) / (k1 * (1 - b + b * relativeLength) + tf)
          score *= fields[field].boost
          return (termIndex[entry.term]!, (score * 1000).rounded(.toNearestOrAwayFromZero) / 1000)
        }
        elements.sort { $0.index < $1.index }
        let numbers = elements.map { "\($0.index),\(LunrIndex.number($0.score))" }.joined(separator: ",")
        vectors.append("[\(SearchIndex.json("\(fields[field].name)/\(ref)")),[\(numbers)]]")
      }
    }
    let sortedTerms = termOrder.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    let inverted = sortedTerms.map { term -> String in
      var posting = "\"_index\":\(termIndex[term]!)"
      for (field, refs) in postings[term]!.enumerated() {
        posting += ",\(SearchIndex.json(fields[field].name)):{"
        posting += refs.map { "\"\($0)\":{}" }.joined(separator: ",") + "}"
      }
      return "[\(SearchIndex.json(term)),{\(posting)}]"
    }
    let names = fields.map { SearchIndex.json($0.name) }.joined(separator: ",")
    return
      "{\"version\":\"2.3.9\",\"fields\":[\(names)],\"fieldVectors\":[\(vectors.joined(separator: ","))],"
      + "\"invertedIndex\":[\(inverted.joined(separator: ",\n"))],\"pipeline\":[\"stemmer\"]}"
  }

  /// A score as JavaScript prints it (`2`, not `2.0`).
  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
  }
}
