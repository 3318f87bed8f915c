import Foundation

/// Notices edits by looking: every call to `changes()` compares the size and modification time of
/// the chapter files and of the library sources with the last look. Polling a few hundred files
/// a few times a second costs next to nothing, works in every editor (those that save by
/// replacing the file included) and needs nothing from the kernel.
struct SourceWatcher {
  /// What changed since the last look.
  struct Changes: Equatable {
    /// Chapter files added, edited or removed.
    var chapters: Set<String> = []
    /// Whether a source file of the support library changed.
    var library = false
    /// Whether anything changed.
    var isEmpty: Bool { chapters.isEmpty && !library }
  }

  /// The chapter files watched, or empty to watch every `*.md` of `chaptersDirectory`.
  var files: [String]
  /// The folder of chapters.
  var chaptersDirectory: String
  /// The folders of the library sources.
  var libraryFolders: [URL]
  private var chapterStamps: [String: String] = [:]
  private var libraryStamp = ""

  /// A watcher whose first look is taken now.
  init(files: [String], chaptersDirectory: String, libraryFolders: [URL]) {
    self.files = files
    self.chaptersDirectory = chaptersDirectory
    self.libraryFolders = libraryFolders
    chapterStamps = currentChapterStamps()
    libraryStamp = currentLibraryStamp()
  }

  /// What changed since the last look (or since the watcher was made).
  mutating func changes() -> Changes {
    var changes = Changes()
    let chapters = currentChapterStamps()
    for path in Set(chapters.keys).union(chapterStamps.keys) where chapters[path] != chapterStamps[path] {
      changes.chapters.insert(path)
    }
    chapterStamps = chapters
    let library = currentLibraryStamp()
    changes.library = library != libraryStamp
    libraryStamp = library
    return changes
  }

  /// Size and modification time of each chapter file, by path.
  private func currentChapterStamps() -> [String: String] {
    var paths = files.map(Companion.displayPath)
    if paths.isEmpty {
      let names = (try? ChapterLoading.chapterNames(in: chaptersDirectory)) ?? []
      paths = names.map {
        Companion.displayPath((chaptersDirectory as NSString).appendingPathComponent($0))
      }
    }
    var stamps: [String: String] = [:]
    for path in paths { stamps[path] = SourceWatcher.stamp(path) }
    return stamps
  }

  /// Sizes, modification times and names of every file under the library folders, as one string.
  private func currentLibraryStamp() -> String {
    var parts: [String] = []
    for folder in libraryFolders {
      guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { continue }
      while let file = enumerator.nextObject() as? String {
        parts.append(file + " " + SourceWatcher.stamp(folder.appendingPathComponent(file).path))
      }
    }
    return parts.sorted().joined(separator: "\n")
  }

  /// `size mtime` of a file, or `-` when there is none.
  static func stamp(_ path: String) -> String {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "-" }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "\(size) \(modified)"
  }
}
