import Foundation

/// Foundation's JSON parser, to check that written JSON is valid.
enum JSONSerializationShim {
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

typealias NSNullShim = NSNull
