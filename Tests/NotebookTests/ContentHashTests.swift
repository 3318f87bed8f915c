import Testing

@testable import Notebook

@Test func fnv128OfAbcMatchesReference() {
  var hash = ContentHash()
  hash.combine(bytes: Array("abc".utf8))
  #expect(hash.hexDigest == "a68d622cec8b5822836dbc7977af7f3b")
}
