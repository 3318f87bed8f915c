import Foundation

/// Writes the static site for a set of checked chapters.
public struct SiteWriter {
  /// The chapters in order.
  public var results: [ChapterResult]
  /// The package root (for asset lookup).
  public var packageRoot: URL

  /// Writes the site into `folder`.
  public func write(to folder: URL) throws {
  }
}
