import Testing

@testable import Notebook

@Suite struct ChapterLinksTests {
  let target = Chapter(
    path: "chapters/02-b.md", source: "# B\n\n## The rule\n\n## The rule\n\n### `x_1` and $y$\n")

  func diagnostics(_ markdown: String) -> [String] {
    let chapter = Chapter(path: "chapters/01-a.md", source: markdown)
    return ChapterLinks(chapters: [chapter, target]).diagnostics(for: chapter).map(\.description)
  }

  @Test func chapterLinksBecomePageLinks() {
    #expect(ChapterLinks.siteURL(for: "02-b.md") == "02-b.html")
    #expect(ChapterLinks.siteURL(for: "./02-b.md#the-rule") == "02-b.html#the-rule")
    #expect(ChapterLinks.siteURL(for: "#local") == "#local")
    #expect(ChapterLinks.siteURL(for: "https://example.com/x.md") == "https://example.com/x.md")
  }

  @Test func headingIDsAreStableAndUnique() {
    #expect(HeadingIDs(chapter: target).all == ["b", "the-rule", "the-rule-2", "x-1-and"])
  }

  @Test func existingTargetsPass() {
    #expect(
      diagnostics(
        "# A\n\n## Here\n\n[b](02-b.md), [r](02-b.md#the-rule-2), [h](#here), [w](https://x.org/y.md)\n"
      ).isEmpty)
  }

  @Test func aMissingChapterIsAnErrorAtItsLine() {
    #expect(
      diagnostics("# A\n\nText.\n\nSee [c](03-c.md).\n")
        == ["chapters/01-a.md:5: error: link to 03-c.md: there is no chapter 03-c.md"])
  }

  @Test func aMissingHeadingIsAnErrorAtItsLineNamingTheIDs() {
    #expect(
      diagnostics("# A\n\nSee\n[r](02-b.md#rule).\n")
        == [
          "chapters/01-a.md:4: error: link to 02-b.md#rule: 02-b.md has no heading with id 'rule' "
            + "(its ids: b, the-rule, the-rule-2, x-1-and)"
        ])
    #expect(
      diagnostics("# A\n\n[h](#nowhere)\n").first?.hasPrefix("chapters/01-a.md:3: error: link to #nowhere")
        == true)
  }

  @Test func linksInsideMathAndCodeAreNotLinks() {
    #expect(diagnostics("# A\n\n$a^{[2](i)}$ and `[x](y.md)`\n").isEmpty)
  }

  @Test func aLinkToAFileInAnotherFolderIsAnError() {
    #expect(diagnostics("# A\n\n[d](../docs/x.md)\n").first?.contains("only chapters") == true)
  }
}
