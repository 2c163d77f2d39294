import KithIO

enum InputFileBytes {
    /// An `InputFile` of UTF-8 text.
    static func make(_ text: String, path: String = "test.xml") -> InputFile {
        InputFile(path: path, original: Array(text.utf8))
    }
}
