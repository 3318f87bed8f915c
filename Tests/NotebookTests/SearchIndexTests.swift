import Testing

@testable import Notebook

@Suite struct SearchIndexTests {
  @Test func sectionsCarryTheirChapterAnchorAndText() {
    var index = SearchIndex()
    index.add(
      chapterTitle: "The flower", page: "11-f.html",
      articleHTML:
        "<h1 id=\"t\">The flower</h1>\n<p>Intro &amp; more.</p>\n<h2 id=\"data\">The data<a class=\"anchor\" href=\"#data\">#</a></h2>\n"
        + "<pre><code>let x = 1</code></pre><pre class=\"output\">400 &lt;points&gt;</pre><svg><text>9</text></svg>"
    )
    #expect(
      index.documents == [
        .init(chapter: "The flower", section: "Introduction", url: "11-f.html", text: "Intro & more."),
        .init(
          chapter: "The flower", section: "The data", url: "11-f.html#data", text: "let x = 1 400 <points>"),
      ])
    #expect(index.script.hasPrefix("window.companionSearchDocuments = [\n{\"c\":\"The flower\""))
    #expect(index.script.contains("\"t\":\"let x = 1 400 \\u003cpoints>\"}\n];\n"))
  }
}

@Suite struct LunrTextTests {
  @Test func stemsAsPortersExamples() {
    let examples = [
      "caresses": "caress", "ponies": "poni", "cats": "cat", "agreed": "agre", "plastered": "plaster",
      "motoring": "motor", "sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size",
      "hopping": "hop", "falling": "fall", "filing": "file", "happy": "happi", "sky": "ski",
      "relational": "relat", "conditional": "condit", "digitizer": "digit", "operator": "oper",
      "hopefulness": "hope", "formalize": "formal", "electrical": "electr", "goodness": "good",
      "allowance": "allow", "adjustment": "adjust", "adoption": "adopt", "effective": "effect",
      "probate": "probat", "controll": "control", "flowers": "flower", "broadcasting": "broadcast",
      "yield": "yield", "by": "by",
    ]
    for (word, stem) in examples {
      #expect(LunrText.stem(word) == stem, "\(word)")
    }
  }

  @Test func tokensAreTrimmedLowerCaseAndStopWordsDropped() {
    // As lunr.js 2.3.9 gives them (checked in the browser): the apostrophe stays inside a token.
    #expect(LunrText.terms("The Flower's (petals) -- keepDims=True") == ["flower'", "petal", "keepdims=tru"])
    #expect(LunrText.terms("✓ a") == [""])
  }
}
